/**
 * The five numbers of a box plot and a little more, for one feature's values: quartiles by
 * linear interpolation between order statistics (numpy's default), whiskers at the furthest
 * values within 1.5 interquartile ranges of the box (Tukey), and how many lie beyond them.
 */
export interface DistributionSummary {
  count: number;
  min: number;
  max: number;
  mean: number;
  q1: number;
  median: number;
  q3: number;
  whiskerLow: number;
  whiskerHigh: number;
  outliers: number;
}

function quantile(sorted: Float64Array, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const fraction = position - below;
  return fraction === 0 ? sorted[below] : sorted[below] + (sorted[below + 1] - sorted[below]) * fraction;
}

/** Missing values (NaN) are left out; null when nothing is left. */
export function summariseDistribution(values: ArrayLike<number>): DistributionSummary | null {
  const present = Float64Array.from(values).filter((value) => !Number.isNaN(value));
  if (present.length === 0) return null;
  const sorted = present.sort();
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const reach = 1.5 * (q3 - q1);
  let sum = 0;
  let whiskerLow = q1;
  let whiskerHigh = q3;
  let outliers = 0;
  for (const value of sorted) {
    sum += value;
    if (value < q1 - reach || value > q3 + reach) outliers++;
    else {
      whiskerLow = Math.min(whiskerLow, value);
      whiskerHigh = Math.max(whiskerHigh, value);
    }
  }
  return {
    count: sorted.length,
    min: sorted[0],
    max: sorted[sorted.length - 1],
    mean: sum / sorted.length,
    q1,
    median: quantile(sorted, 0.5),
    q3,
    whiskerLow,
    whiskerHigh,
    outliers,
  };
}
