"use client";

import { useCallback, useState } from "react";

export type DraftPath = (string | number)[];
export type Draft = Record<string, unknown>;

export function valueAt(draft: unknown, path: DraftPath): unknown {
  let value = draft;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** A copy of `draft` with `value` at `path` (undefined removes the key; arrays stay arrays). */
function withValue(draft: unknown, path: DraftPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  const base = draft !== null && typeof draft === "object" ? draft : typeof key === "number" ? [] : {};
  const copy = (Array.isArray(base) ? [...base] : { ...base }) as Record<string | number, unknown>;
  const next = withValue(copy[key], rest, value);
  if (next === undefined && !Array.isArray(copy)) delete copy[key];
  else copy[key] = next;
  return copy;
}

/** The config as the form holds it, changed one field at a time. */
export function useConfigDraft(initial: Draft) {
  const [draft, setDraft] = useState<Draft>(initial);
  const set = useCallback((path: DraftPath, value: unknown) => setDraft((current) => withValue(current, path, value) as Draft), []);
  return { draft, set };
}
