import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth-form";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { config } from "@/server/config";
import { signIn } from "../auth-actions";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (config().auth.kind !== "supabase") redirect("/datasets");
  const t = await getTranslations("auth");
  const next = safeNextPath((await searchParams).next);
  return (
    <div className="panel auth-card">
      <h1>{t("signIn")}</h1>
      <AuthForm
        action={signIn}
        next={next}
        submitLabel={t("signIn")}
        fields={[
          { name: "email", label: t("email"), type: "email", autoComplete: "email" },
          { name: "password", label: t("password"), type: "password", autoComplete: "current-password" },
        ]}
      />
      <div className="links">
        <Link href="/sign-up">{t("signUp")}</Link>
        <Link href="/reset-password">{t("forgot")}</Link>
      </div>
    </div>
  );
}
