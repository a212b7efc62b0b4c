"use client";

import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/** A UTC instant shown in the browser's zone; the server renders the ISO text until the browser takes over. */
export function LocalTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    subscribeNever,
    () => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }),
    () => iso.slice(0, 16).replace("T", " ") + " UTC",
  );
  return <time dateTime={iso}>{text}</time>;
}
