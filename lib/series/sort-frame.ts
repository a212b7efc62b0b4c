import type { Frame } from "./frame";

/** Rows ordered by time, stable for equal timestamps; returns the same frame when already sorted. */
export function sortFrameByTime(frame: Frame): Frame {
  const { time } = frame;
  let sorted = true;
  for (let i = 1; i < time.length; i++) {
    if (time[i] < time[i - 1]) {
      sorted = false;
      break;
    }
  }
  if (sorted) return frame;
  const order = new Uint32Array(time.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  // Array.prototype.sort is stable, so equal timestamps keep their file order.
  const indices = Array.from(order).sort((a, b) => time[a] - time[b]);
  const pick = (source: Float64Array) => {
    const out = new Float64Array(source.length);
    for (let i = 0; i < indices.length; i++) out[i] = source[indices[i]];
    return out;
  };
  return {
    time: pick(time),
    columns: frame.columns.map((column) => ({ ...column, values: pick(column.values) })),
  };
}
