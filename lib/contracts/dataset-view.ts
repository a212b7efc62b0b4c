import { z } from "zod";
import type { SeriesAnalysis } from "@/lib/analysis/analyse-series";
import type { ImportReport } from "@/lib/ingest/import-report";
import type { Derivation } from "./dataset-derivation";

/** What the browser knows of an imported dataset. */
export interface DatasetColumnView {
  name: string;
  unit?: string;
}

export interface DatasetSummary {
  id: string;
  name: string;
  uploadId: string | null;
  /** The dataset this one was derived from (its first source); null for an imported one. */
  parentId: string | null;
  rowCount: number;
  columns: DatasetColumnView[];
  start: string | null;
  end: string | null;
  stepMinutes: number | null;
  sizeBytes: number;
  createdAt: string;
}

export interface DatasetDetail extends DatasetSummary {
  importOptions: Record<string, unknown>;
  report: ImportReport | null;
  analysis: SeriesAnalysis | null;
  /** How a derived dataset was made, and what that reported (e.g. per recipe step the values removed and filled). */
  derivation: Derivation | null;
  derivationReport: unknown;
}

export const datasetIdSchema = z.string().uuid({ message: "not a dataset id" });

export const MAX_ROWS_PER_PAGE = 500;

export const rowsQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_ROWS_PER_PAGE).default(50),
});

/** A page of rows: times as UTC ms, values per column (null = missing). */
export const rowsPageSchema = z.object({
  offset: z.number(),
  limit: z.number(),
  total: z.number(),
  columns: z.array(z.object({ name: z.string(), unit: z.string().optional() })),
  time: z.array(z.number()),
  values: z.array(z.array(z.number().nullable())),
});
export type RowsPage = z.infer<typeof rowsPageSchema>;

export const MAX_CHART_POINTS = 5000;

export const seriesQuerySchema = z.object({
  columns: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(",").map((name) => name.trim()).filter(Boolean) : [])),
  from: z.coerce.number().finite().optional(),
  to: z.coerce.number().finite().optional(),
  points: z.coerce.number().int().min(10).max(MAX_CHART_POINTS).default(1000),
});

/** Chart points per column: [time ms, value or null for a break]. */
export const seriesResponseSchema = z.object({
  from: z.number().nullable(),
  to: z.number().nullable(),
  rowsInRange: z.number(),
  series: z.array(
    z.object({
      name: z.string(),
      unit: z.string().optional(),
      points: z.array(z.tuple([z.number(), z.number().nullable()])),
    }),
  ),
});
export type SeriesResponse = z.infer<typeof seriesResponseSchema>;
export type SeriesQuery = z.output<typeof seriesQuerySchema>;

export const DOWNLOAD_FORMATS = ["csv", "excel-de", "arrow"] as const;

export const downloadQuerySchema = z.object({
  format: z.enum(DOWNLOAD_FORMATS).default("csv"),
  tz: z
    .string()
    .optional()
    .refine(
      (zone) => {
        if (zone === undefined) return true;
        try {
          new Intl.DateTimeFormat("en-US", { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      },
      { message: "not a known IANA time zone" },
    ),
});
