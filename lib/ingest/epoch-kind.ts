import type { TimeKind } from "./import-options";

export type EpochKind = "epochSeconds" | "epochMillis" | "epochMicros";

/** Milliseconds per unit of each epoch kind. */
const MS_PER_UNIT: Record<EpochKind, number> = { epochSeconds: 1000, epochMillis: 1, epochMicros: 0.001 };

/** The names an explicit epoch format may be given by (`--format epoch-s`, `%s` as in strftime). */
const EPOCH_FORMATS: Record<string, EpochKind> = { "%s": "epochSeconds", "epoch-s": "epochSeconds", "epoch-ms": "epochMillis", "epoch-us": "epochMicros" };

export function isEpochKind(kind: TimeKind | undefined): kind is EpochKind {
  return kind !== undefined && kind in MS_PER_UNIT;
}

/** Milliseconds per epoch unit, or null for a kind that is not an epoch. */
export function epochScale(kind: TimeKind): number | null {
  return isEpochKind(kind) ? MS_PER_UNIT[kind] : null;
}

/** An epoch value in milliseconds: microseconds are divided (correctly rounded, so 1704067200500000 µs is exactly …500 ms). */
export function epochMilliseconds(value: number, msPerUnit: number): number {
  return msPerUnit < 1 ? value / Math.round(1 / msPerUnit) : value * msPerUnit;
}

/** The epoch kind a format names (`epoch-s`, `epoch-ms`, `epoch-us`, `%s`), or null for a strftime format. */
export function epochKindOfFormat(format: string | undefined): EpochKind | null {
  return format === undefined ? null : (EPOCH_FORMATS[format.trim().toLowerCase()] ?? null);
}
