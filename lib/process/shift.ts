import type { Frame } from "@/lib/series/frame";
import { sortedInput } from "./frame-input";
import type { ShiftStep } from "./recipe";
import { minutesToMs } from "./time";

/** Adds `minutes` to every timestamp; values and order are unchanged. */
export function shift(frame: Frame, step: Omit<ShiftStep, "op">): Frame {
  const input = sortedInput(frame);
  const delta = minutesToMs(step.minutes);
  const time = new Float64Array(input.time.length);
  for (let i = 0; i < time.length; i++) time[i] = input.time[i] + delta;
  return { time, columns: input.columns };
}
