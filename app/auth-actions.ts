"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { credentialsSchema, newPasswordSchema, resetRequestSchema, type AuthFormState } from "@/lib/contracts/auth-forms";
import { currentUser } from "@/server/auth/current-user";
import { supabaseServerClient } from "@/server/auth/supabase-server-client";
import { config } from "@/server/config";

// These actions are the way in: sign-in, sign-up and the reset request work without a
// session by design. Changing the password and signing out need one.

const firstIssue = (error: { issues: { message: string }[] }) => error.issues[0]?.message ?? "Check the form.";

async function siteOrigin(): Promise<string> {
  const publicUrl = config().publicUrl;
  if (publicUrl) return publicUrl.replace(/\/$/, "");
  const list = await headers();
  return `${list.get("x-forwarded-proto") ?? "http"}://${list.get("host")}`;
}

function requireCloudAuth(): void {
  if (config().auth.kind !== "supabase") redirect("/datasets");
}

export async function signIn(_state: AuthFormState, form: FormData): Promise<AuthFormState> {
  requireCloudAuth();
  const parsed = credentialsSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const supabase = await supabaseServerClient();
  const { error } = await supabase.auth.signInWithPassword({ email: parsed.data.email, password: parsed.data.password });
  if (error) return { error: "Wrong email or password." };
  redirect(safeNextPath(parsed.data.next));
}

export async function signUp(_state: AuthFormState, form: FormData): Promise<AuthFormState> {
  requireCloudAuth();
  const parsed = credentialsSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const supabase = await supabaseServerClient();
  const { data, error } = await supabase.auth.signUp({
    email: parsed.data.email,
    password: parsed.data.password,
    options: { emailRedirectTo: `${await siteOrigin()}/auth/callback?next=/datasets` },
  });
  if (error) return { error: error.message };
  if (data.session) redirect("/datasets");
  return { notice: "Check your email to confirm your account, then sign in." };
}

export async function requestPasswordReset(_state: AuthFormState, form: FormData): Promise<AuthFormState> {
  requireCloudAuth();
  const parsed = resetRequestSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const supabase = await supabaseServerClient();
  await supabase.auth.resetPasswordForEmail(parsed.data.email, { redirectTo: `${await siteOrigin()}/auth/callback?next=/update-password` });
  // The same answer whether or not the address has an account.
  return { notice: "If an account exists for this address, a reset link is on its way." };
}

export async function updatePassword(_state: AuthFormState, form: FormData): Promise<AuthFormState> {
  requireCloudAuth();
  if (!(await currentUser())) redirect("/sign-in?next=/update-password");
  const parsed = newPasswordSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const supabase = await supabaseServerClient();
  const { error } = await supabase.auth.updateUser({ password: parsed.data.password });
  if (error) return { error: error.message };
  redirect("/datasets");
}

export async function signOut(): Promise<void> {
  requireCloudAuth();
  if (await currentUser()) {
    const supabase = await supabaseServerClient();
    await supabase.auth.signOut();
  }
  redirect("/sign-in");
}
