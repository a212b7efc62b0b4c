import type { z } from "zod";

/** `steps[2].maxGapMinutes` for the path ["steps", 2, "maxGapMinutes"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text;
}

function joinPath(prefix: string, path: string): string {
  if (!path) return prefix;
  if (!prefix) return path;
  return path.startsWith("[") ? prefix + path : `${prefix}.${path}`;
}

/**
 * A recipe or spec that cannot be used. The message is one line that starts with the path
 * of the offending field, e.g. `steps[2].maxGapMinutes: expected a positive number`.
 */
export class SpecError extends Error {
  constructor(
    /** The path of the offending field ("" for the whole document). */
    readonly path: string,
    readonly reason: string,
  ) {
    super(path ? `${path}: ${reason}` : reason);
    this.name = "SpecError";
  }

  /** The same error seen from an enclosing document, e.g. `columns[0]` inside `steps[3]`. */
  within(prefix: string): SpecError {
    return new SpecError(joinPath(prefix, this.path), this.reason);
  }
}

/** One zod issue as field paths and reasons (an unknown-keys issue names each key). */
export function describeIssue(issue: z.core.$ZodIssue): { path: string; reason: string }[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), reason: "unknown field" }));
  }
  return [{ path: formatPath(issue.path), reason: issue.message }];
}

/**
 * Validates `input`; on failure throws a SpecError for the first problem whose message
 * lists every problem on one line.
 */
export function parseSpec<Schema extends z.ZodType>(schema: Schema, input: unknown, what: string): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const [first, ...others] = result.error.issues.flatMap(describeIssue);
  if (!first) throw new SpecError("", `invalid ${what}`);
  const more = others.map((p) => `${p.path || what}: ${p.reason}`);
  throw new SpecError(first.path || "", [first.path ? first.reason : `${what}: ${first.reason}`, ...more].join("; "));
}
