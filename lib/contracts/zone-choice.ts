import { z } from "zod";

/** Where the zone of naive (offset-less) times came from, in the order they are tried. */
export const ZONE_SOURCES = ["option", "file-column", "file-metadata", "header", "dst-fingerprint", "user-zone", "utc-default"] as const;

/**
 * Groups of zones whose daylight-saving changes fall on the same local wall-clock times, so
 * that naive times cannot tell them apart (Berlin, Paris, Vienna…; New York, Chicago, Denver,
 * Los Angeles all change at 02:00 local time on the same days).
 */
export const DST_FAMILIES = ["western-european", "central-european", "eastern-european", "north-american"] as const;

/** The daylight-saving changes of a zone that the data shows: local intervals such as "2024-03-31 02:00–02:59". */
export const dstFingerprintSchema = z
  .object({
    /** The zone whose changes the data matched. */
    zone: z.string().min(1),
    /** Its family; null for a zone outside the known families (then the zone itself is named). */
    family: z.enum(DST_FAMILIES).nullable(),
    /** Spring changes: local hours missing from otherwise regular data. */
    gaps: z.array(z.string()),
    /** Autumn changes: local hours that occur twice. */
    repeats: z.array(z.string()),
  })
  .strict();

/** The zone naive times are read in and why: part of the detection result, the import report and the dataset page. */
export const zoneChoiceSchema = z
  .object({
    /** An IANA zone, "UTC" or a fixed offset zone such as "Etc/GMT-1". */
    zone: z.string().min(1),
    source: z.enum(ZONE_SOURCES),
    /** The file's own words (a metadata line, a header, a column and its codes) or the DST changes found; "" when nothing in the file decided. */
    evidence: z.string(),
    /** The DST changes found in the data (null when none were found). */
    fingerprint: dstFingerprintSchema.nullable(),
  })
  .strict();

export type ZoneSource = (typeof ZONE_SOURCES)[number];
export type DstFamily = (typeof DST_FAMILIES)[number];
export type DstFingerprint = z.infer<typeof dstFingerprintSchema>;
export type ZoneChoice = z.infer<typeof zoneChoiceSchema>;
