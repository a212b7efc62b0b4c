const CANDIDATES = [";", ",", "\t", "|"] as const;

/** Counts a delimiter outside double quotes. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count++;
  }
  return count;
}

/**
 * A first guess of the field delimiter from the head of a file: the candidate that appears
 * the same non-zero number of times on most of the last lines (the first lines may be
 * metadata). Null when no candidate splits the lines consistently.
 */
export function sniffDelimiter(text: string): string | null {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  // The last line may be cut by the end of the sample.
  const sample = lines.slice(Math.max(0, lines.length - 51), Math.max(lines.length - 1, 1));
  let best: { delimiter: string; score: number } | null = null;
  for (const delimiter of CANDIDATES) {
    const counts = new Map<number, number>();
    for (const line of sample) {
      const n = countOutsideQuotes(line, delimiter);
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    const score = Math.max(0, ...counts.values());
    if (score > 0 && (!best || score > best.score)) best = { delimiter, score };
  }
  return best && best.score >= Math.ceil(sample.length / 2) ? best.delimiter : null;
}
