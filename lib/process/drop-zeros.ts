import type { Frame } from "@/lib/series/frame";
import { transformColumns } from "./frame-input";
import type { DropZerosStep } from "./recipe";

/** `v == 0` (also -0) becomes missing. */
export function removeZeros(values: Float64Array): Float64Array {
  const out = values.slice();
  for (let i = 0; i < out.length; i++) {
    if (out[i] === 0) out[i] = NaN;
  }
  return out;
}

export function dropZeros(frame: Frame, step: Omit<DropZerosStep, "op"> = {}): Frame {
  return transformColumns(frame, step.columns, (_time, values) => removeZeros(values));
}
