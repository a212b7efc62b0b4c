import type { z } from "zod";
import { trainingConfigSchema } from "./training-config";

/**
 * The training config's problems by field, for messages next to the fields of a form:
 * `{"steps.inputSteps": "Required.", "inputs": "Too small: …"}`, the first message per
 * field. Where one of several shapes was expected (the split by fractions or by dates),
 * the problems of the shape closest to the draft are the ones reported.
 */
export function configFieldErrors(draft: unknown): Record<string, string> {
  const parsed = trainingConfigSchema.safeParse(draft);
  const errors: Record<string, string> = {};
  if (parsed.success) return errors;
  const visit = (issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]) => {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path];
      if (issue.code === "invalid_union" && issue.errors.length > 0) {
        const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0];
        if (closest.length > 0) {
          visit(closest, path);
          continue;
        }
      }
      const key = path.map(String).join(".");
      const missing = issue.code === "invalid_type" && /received (null|undefined|NaN)/.test(issue.message);
      errors[key] ??= missing ? "Required." : issue.message;
    }
  };
  visit(parsed.error.issues, []);
  return errors;
}
