import { epochMilliseconds, epochScale } from "./epoch-kind";
import { compileCached } from "./infer-datetime-format";
import type { TimeLayout } from "./layout";

/**
 * A function reading the timestamp of a sample record's fields (NaN when unreadable), for
 * detection and previews; the streaming parser has its own allocation-free path.
 */
export function sampleTimeReader(time: TimeLayout): (fields: readonly string[]) => number {
  const [first, second] = time.columns;
  const scale = epochScale(time.kind);
  if (scale !== null) {
    return (fields) => {
      const text = fields[first]?.trim() ?? "";
      return text === "" ? Number.NaN : epochMilliseconds(Number(text), scale);
    };
  }
  const parser = compileCached(time.format);
  if (time.kind === "dateTime") {
    return (fields) => (Math.max(first, second) < fields.length ? parser.parse(`${fields[first].trim()} ${fields[second].trim()}`) : Number.NaN);
  }
  return (fields) => (first < fields.length ? parser.parse(fields[first]) : Number.NaN);
}
