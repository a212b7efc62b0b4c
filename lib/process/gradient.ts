import type { Frame } from "@/lib/series/frame";
import { transformColumns } from "./frame-input";
import type { GradientStep } from "./recipe";
import { msToMinutes } from "./time";

/**
 * Gradient outliers, the state machine of docs/recipe-v1.md#gradient: a jump (rate above the limit) opens a
 * plateau at its index; a second jump, or a missing value, while open removes the plateau
 * start…i-1; a plateau that lasts longer than `maxDurationMinutes` is closed and kept.
 * Two different values at the same timestamp count as an infinite rate.
 */
export function removeGradientOutliers(
  time: Float64Array,
  values: Float64Array,
  maxChangePerMinute: number,
  maxDurationMinutes: number,
): Float64Array {
  const out = values.slice();
  let open = false;
  let start = 0;
  for (let i = 1; i < out.length; i++) {
    if (Number.isNaN(out[i]) && open) {
      out.fill(NaN, start, i);
      open = false;
    } else if (Number.isNaN(out[i - 1]) || Number.isNaN(out[i])) {
      continue;
    } else {
      const rate = Math.abs(out[i] - out[i - 1]) / msToMinutes(time[i] - time[i - 1]);
      if (rate > maxChangePerMinute && !open) {
        open = true;
        start = i;
      } else if (rate > maxChangePerMinute && open) {
        out.fill(NaN, start, i);
        open = false;
      } else if (open && msToMinutes(time[i] - time[start]) > maxDurationMinutes) {
        open = false;
      }
    }
  }
  return out;
}

export function gradient(frame: Frame, step: Omit<GradientStep, "op">): Frame {
  return transformColumns(frame, step.columns, (time, values) =>
    removeGradientOutliers(time, values, step.maxChangePerMinute, step.maxDurationMinutes),
  );
}
