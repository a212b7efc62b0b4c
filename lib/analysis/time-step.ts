import { floorToHour, MINUTE_MS, positiveModulo } from "@/lib/process/time";

/**
 * The time step of a series: the most common interval between consecutive timestamps, in
 * minutes (repeated timestamps are not intervals; on a tie the shorter interval wins).
 * null when there are fewer than two distinct timestamps. `time` must be ascending.
 */
export function detectStepMinutes(time: Float64Array): number | null {
  const counts = new Map<number, number>();
  for (let i = 1; i < time.length; i++) {
    const interval = time[i] - time[i - 1];
    if (interval > 0) counts.set(interval, (counts.get(interval) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [interval, count] of counts) {
    if (count > bestCount || (count === bestCount && interval < best)) {
      best = interval;
      bestCount = count;
    }
  }
  return bestCount === 0 ? null : best / MINUTE_MS;
}

/** Minutes past the full UTC hour of `firstTime`, modulo the step (not reduced when there is no step). */
export function offsetMinutes(firstTime: number, stepMinutes: number | null): number {
  const pastHour = (firstTime - floorToHour(firstTime)) / MINUTE_MS;
  return stepMinutes === null ? pastHour : positiveModulo(pastHour, stepMinutes);
}
