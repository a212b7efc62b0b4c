export interface SequenceEvidence {
  /** Readable instants among the values. */
  count: number;
  /** Share of distinct instants among the readable ones. */
  distinctShare: number;
  /** The direction most consecutive steps take; "none" when fewer than 90 % agree. */
  direction: "ascending" | "descending" | "none";
  /** Steps whose size equals the most common non-zero step size. */
  regularSteps: number;
  /** Non-zero steps. */
  steps: number;
  /** The most common non-zero step size in milliseconds (0 when there is none). */
  step: number;
  /** Latest minus earliest instant (0 when there is none). */
  span: number;
}

const MONOTONE_SHARE = 0.9;

/**
 * How a column's instants (in file order, NaN for unreadable cells) behave as a time axis:
 * monotone in one direction, a regular step, distinct values. Used to choose the time column
 * and the day/month order by the data rather than by position or locale.
 */
export function sequenceEvidence(instants: readonly number[]): SequenceEvidence {
  const readable = instants.filter((t) => !Number.isNaN(t));
  const count = readable.length;
  const distinctShare = count === 0 ? 0 : new Set(readable).size / count;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const t of readable) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  let up = 0;
  let down = 0;
  const sizes = new Map<number, number>();
  for (let i = 1; i < count; i++) {
    const delta = readable[i] - readable[i - 1];
    if (delta >= 0) up++;
    if (delta <= 0) down++;
    if (delta !== 0) sizes.set(Math.abs(delta), (sizes.get(Math.abs(delta)) ?? 0) + 1);
  }
  const pairs = Math.max(0, count - 1);
  const direction = pairs === 0 ? "none" : up >= MONOTONE_SHARE * pairs ? "ascending" : down >= MONOTONE_SHARE * pairs ? "descending" : "none";
  let step = 0;
  let regularSteps = 0;
  let steps = 0;
  for (const [size, n] of sizes) {
    steps += n;
    if (n > regularSteps || (n === regularSteps && size < step)) [step, regularSteps] = [size, n];
  }
  return { count, distinctShare, direction, regularSteps, steps, step, span: count === 0 ? 0 : max - min };
}
