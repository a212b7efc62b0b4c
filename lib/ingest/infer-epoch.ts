import { MIN_MATCH_SHARE } from "./infer-datetime-format";
import type { EpochKind } from "./epoch-kind";
import { sequenceEvidence } from "./sequence-evidence";

/** Magnitudes of epoch values from 1973 to 2286, by unit. */
const EPOCH_RANGES: Array<{ kind: EpochKind; min: number; max: number; ms: number }> = [
  { kind: "epochSeconds", min: 1e8, max: 1e10, ms: 1000 },
  { kind: "epochMillis", min: 1e11, max: 1e13, ms: 1 },
  { kind: "epochMicros", min: 1e14, max: 1e16, ms: 0.001 },
];

export interface EpochHints {
  /** Skip the range check: the user said what the numbers are. */
  kind?: EpochKind;
  /** Accept the values in any order (a column named like a time, or one the user chose); otherwise they must be monotone, ascending or descending. */
  anyOrder?: boolean;
}

/**
 * Epoch seconds, milliseconds or microseconds by magnitude: at least half of the non-empty
 * values numbers, all in one unit's range. Newest-first files are read like oldest-first ones.
 */
export function inferEpoch(values: readonly string[], hints: EpochHints = {}): EpochKind | null {
  const texts = values.map((value) => value.trim()).filter((value) => value !== "");
  const numbers = texts.map(Number).filter((value) => Number.isFinite(value));
  if (numbers.length === 0 || numbers.length < MIN_MATCH_SHARE * texts.length) return null;
  if (hints.kind) return hints.kind;
  const range = EPOCH_RANGES.find((r) => numbers.every((value) => value >= r.min && value < r.max));
  if (!range) return null;
  if (!hints.anyOrder && numbers.length > 2 && sequenceEvidence(numbers).direction === "none") return null;
  return range.kind;
}
