import { z } from "zod";

/** What `npm run doctor` found in the embedded data folder; `--json` prints this document. */
export const doctorFindingKindSchema = z.enum(["orphan-file", "interrupted-write", "missing-file", "complete-upload-not-finished", "expired-lease"]);
export type DoctorFindingKind = z.infer<typeof doctorFindingKindSchema>;

/** What `--repair` does about a finding: nothing is ever deleted. */
export const doctorRepairSchema = z.enum(["move-to-lost-found", "mark-upload-failed"]);
export type DoctorRepair = z.infer<typeof doctorRepairSchema>;

export const doctorFindingSchema = z.object({
  kind: doctorFindingKindSchema,
  /** A problem makes the folder unhealthy until repaired; a notice only informs. */
  severity: z.enum(["problem", "notice"]),
  /** The file concerned, relative to the data folder. */
  path: z.string().nullable(),
  /** The row concerned. */
  row: z.object({ table: z.string(), id: z.string() }).nullable(),
  detail: z.string(),
  /** The safe repair, or null when it needs a person (restore a backup, delete the row). */
  repair: doctorRepairSchema.nullable(),
  repaired: z.boolean(),
});
export type DoctorFinding = z.infer<typeof doctorFindingSchema>;

export const doctorReportSchema = z.object({
  dataDir: z.string(),
  /** No problem is left unrepaired. */
  healthy: z.boolean(),
  findings: z.array(doctorFindingSchema),
  /** Where repaired files were moved, relative to the data folder, when any were. */
  lostAndFound: z.string().nullable(),
});
export type DoctorReport = z.infer<typeof doctorReportSchema>;
