import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { LocaleSwitch } from "@/components/locale-switch";
import { NavLinks } from "@/components/nav-links";
import { currentUser } from "@/server/auth/current-user";
import { config } from "@/server/config";
import { signOut } from "./auth-actions";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: "Chronoframe", description: t("description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("app");
  const user = await currentUser();
  const cloud = config().auth.kind === "supabase";
  return (
    <html lang={await getLocale()}>
      <body>
        <NextIntlClientProvider>
          <header className="shell-header">
            <Link className="brand" href="/datasets">
              Chronoframe <small>{t("tagline")}</small>
            </Link>
            {user ? (
              <NavLinks
                label={t("nav.label")}
                links={[
                  { href: "/datasets", label: t("nav.datasets") },
                  { href: "/analyses", label: t("nav.analyses") },
                  { href: "/training", label: t("nav.training") },
                ]}
              />
            ) : (
              <div className="nav" />
            )}
            <div className="user-box">
              <LocaleSwitch />
              {cloud && user ? (
                <>
                  <span>{user.email}</span>
                  <form action={signOut}>
                    <button className="button" type="submit">
                      {t("signOut")}
                    </button>
                  </form>
                </>
              ) : cloud ? null : (
                <span>{t("localUser")}</span>
              )}
            </div>
          </header>
          <main className="main">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
