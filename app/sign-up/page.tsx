import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth-form";
import { config } from "@/server/config";
import { signUp } from "../auth-actions";

export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  if (config().auth.kind !== "supabase") redirect("/datasets");
  const t = await getTranslations("auth");
  return (
    <div className="panel auth-card">
      <h1>{t("signUp")}</h1>
      <AuthForm
        action={signUp}
        submitLabel={t("signUp")}
        fields={[
          { name: "email", label: t("email"), type: "email", autoComplete: "email" },
          { name: "password", label: t("password"), type: "password", autoComplete: "new-password" },
        ]}
      />
      <div className="links">
        <span>{t("haveAccount")}</span>
        <Link href="/sign-in">{t("signIn")}</Link>
      </div>
    </div>
  );
}
