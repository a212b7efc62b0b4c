"use client";

import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocale } from "@/app/locale-actions";
import { LOCALES } from "@/lib/contracts/locale";

/** EN | DE in the header; the server action stores the choice and re-renders the page in it. */
export function LocaleSwitch() {
  const t = useTranslations("app.language");
  const current = useLocale();
  const [pending, startTransition] = useTransition();
  return (
    <div className="locale-switch" role="group" aria-label={t("label")}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          title={t(locale)}
          aria-pressed={locale === current}
          disabled={pending}
          onClick={() => startTransition(async () => void (await setLocale(locale)))}
        >
          {locale.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
