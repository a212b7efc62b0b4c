import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth-form";
import { config } from "@/server/config";
import { requestPasswordReset } from "../auth-actions";

export const dynamic = "force-dynamic";

export default async function ResetPasswordPage() {
  if (config().auth.kind !== "supabase") redirect("/datasets");
  const t = await getTranslations("auth");
  return (
    <div className="panel auth-card">
      <h1>{t("reset")}</h1>
      <AuthForm action={requestPasswordReset} submitLabel={t("reset")} fields={[{ name: "email", label: t("email"), type: "email", autoComplete: "email" }]} />
      <div className="links">
        <Link href="/sign-in">{t("signIn")}</Link>
      </div>
    </div>
  );
}
