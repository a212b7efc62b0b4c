import { z } from "zod";

/** The most rows the raw-points route returns: the recipe preview runs on them in the browser. */
export const MAX_RAW_ROWS = 20_000;

export const rawPointsQuerySchema = z.object({
  from: z.coerce.number().finite().optional(),
  to: z.coerce.number().finite().optional(),
  limit: z.coerce.number().int().min(1).max(MAX_RAW_ROWS).default(MAX_RAW_ROWS),
});
export type RawPointsQuery = z.infer<typeof rawPointsQuerySchema>;

/**
 * Every row of every column in [from, to], values as stored (null = missing); when the range
 * holds more than `limit` rows, no rows at all (`time` null) so the user zooms in.
 */
export const rawPointsSchema = z.object({
  rowsInRange: z.number(),
  limit: z.number(),
  time: z.array(z.number()).nullable(),
  columns: z.array(z.object({ name: z.string(), unit: z.string().optional(), values: z.array(z.number().nullable()) })),
});
export type RawPoints = z.infer<typeof rawPointsSchema>;
