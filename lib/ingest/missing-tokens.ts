/** Cell texts that mean "no value" in real exports (docs/import.md#missing-values); compared after trimming. */
export const MISSING_TOKENS: ReadonlySet<string> = new Set(["", "NaN", "nan", "NAN", "NA", "N/A", "n/a", "na", "#N/A", "#NV", "NULL", "null", "None", "-", "--", "---"]);

/**
 * Decides whether a non-numeric cell is a missing-value token (built in or one of the
 * user's text sentinels). Numeric sentinels are compared as numbers by the caller.
 */
export function isMissingToken(trimmed: string, userTokens: ReadonlySet<string>): boolean {
  return MISSING_TOKENS.has(trimmed) || userTokens.has(trimmed);
}
