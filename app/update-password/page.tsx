import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth-form";
import { requirePageUser } from "@/server/auth/require-page-user";
import { config } from "@/server/config";
import { updatePassword } from "../auth-actions";

export const dynamic = "force-dynamic";

export default async function UpdatePasswordPage() {
  if (config().auth.kind !== "supabase") redirect("/datasets");
  await requirePageUser("/update-password");
  const t = await getTranslations("auth");
  return (
    <div className="panel auth-card">
      <h1>{t("setPassword")}</h1>
      <AuthForm action={updatePassword} submitLabel={t("setPassword")} fields={[{ name: "password", label: t("newPassword"), type: "password", autoComplete: "new-password" }]} />
    </div>
  );
}
