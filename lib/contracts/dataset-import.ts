/** The answer of the startImport server action. */
export type StartImportResult = { ok: true; datasetId: string; jobId: string } | { ok: false; error: string };
