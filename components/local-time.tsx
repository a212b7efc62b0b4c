"use client";

import { useLocale } from "next-intl";
import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/** A UTC instant shown in the browser's zone and the UI language; the server renders the ISO text until the browser takes over. */
export function LocalTime({ iso }: { iso: string }) {
  const locale = useLocale();
  const text = useSyncExternalStore(
    subscribeNever,
    () => new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" }),
    () => iso.slice(0, 16).replace("T", " ") + " UTC",
  );
  return <time dateTime={iso}>{text}</time>;
}
