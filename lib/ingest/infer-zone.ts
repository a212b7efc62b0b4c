import type { DstFingerprint, ZoneChoice } from "@/lib/contracts/zone-choice";
import { findDstFingerprint } from "./dst-fingerprint";
import type { ZoneColumn } from "./find-zone-column";
import { zoneFromMetadata, zoneFromText } from "./zone-hints";

export interface InferZoneInput {
  /** The zone the user gave (the `timezone` option). */
  option?: string;
  /** The choice an earlier pass over the whole file made from its DST fingerprint. */
  decided?: ZoneChoice;
  zoneColumn: ZoneColumn | null;
  /** Name of the zone column, for the evidence. */
  zoneColumnName?: string;
  /** Records above the header (metadata lines), as fields. */
  metadata: readonly (readonly string[])[];
  /** Header and units cells of the time column(s). */
  timeHeaders: readonly string[];
  /** Naive wall-clock times of the sample (ms "as if UTC"), in file order. */
  localTimes: readonly number[];
  /** The user's own zone (the browser's in the app; none in the CLI). */
  userZone?: string;
}

/** The DST changes found, as evidence: "gap 2024-03-31 02:00–02:59, repeat 2024-10-27 02:00–02:59". */
export function fingerprintEvidence(fingerprint: DstFingerprint): string {
  return [...fingerprint.gaps.map((gap) => `gap ${gap}`), ...fingerprint.repeats.map((repeat) => `repeat ${repeat}`)].join(", ");
}

/** A choice made from a DST fingerprint. */
export function fingerprintChoice(fingerprint: DstFingerprint): ZoneChoice {
  return { zone: fingerprint.zone, source: "dst-fingerprint", evidence: fingerprintEvidence(fingerprint), fingerprint };
}

/**
 * The zone of a file's naive times and the reason, never silently UTC: the user's option;
 * else what the file says — a zone or offset column, a metadata line, the time column's
 * header; else the DST fingerprint of the data (the user's zone when it has the same local
 * changes, else the family's representative); else the user's zone; else UTC, said so.
 */
export function inferZone(input: InferZoneInput): ZoneChoice {
  if (input.option) return { zone: input.option, source: "option", evidence: "", fingerprint: null };
  if (input.decided) return input.decided;
  if (input.zoneColumn) {
    const codes = input.zoneColumn.codes.join(", ");
    return { zone: input.zoneColumn.zone, source: "file-column", evidence: input.zoneColumnName ? `${input.zoneColumnName}: ${codes}` : codes, fingerprint: null };
  }
  const stated = zoneFromMetadata(input.metadata);
  if (stated) return { zone: stated.zone, source: "file-metadata", evidence: stated.text, fingerprint: null };
  for (const cell of input.timeHeaders) {
    const hint = zoneFromText(cell);
    if (hint) return { zone: hint.zone, source: "header", evidence: hint.text, fingerprint: null };
  }
  const fingerprint = findDstFingerprint(input.localTimes, [input.userZone ?? null]);
  if (fingerprint) return fingerprintChoice(fingerprint);
  if (input.userZone) return { zone: input.userZone, source: "user-zone", evidence: "", fingerprint: null };
  return { zone: "UTC", source: "utc-default", evidence: "", fingerprint: null };
}
