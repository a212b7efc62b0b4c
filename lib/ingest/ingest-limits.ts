/** Bounds checked before and during an import, so that hostile or mistaken files fail fast with a clear message. */
export interface IngestLimits {
  maxBytes: number;
  maxLineLength: number;
  maxColumns: number;
  maxRows: number;
}

export const DEFAULT_INGEST_LIMITS: IngestLimits = {
  maxBytes: 2 * 1024 ** 3,
  maxLineLength: 1024 ** 2,
  maxColumns: 2000,
  maxRows: 50_000_000,
};

export function resolveIngestLimits(limits?: Partial<IngestLimits>): IngestLimits {
  return { ...DEFAULT_INGEST_LIMITS, ...limits };
}
