/**
 * At most `max` indices of 0…count-1, spread evenly and ascending, the first and the last
 * included: every index when count <= max. Thins a scatter without favouring any region.
 */
export function evenIndices(count: number, max: number): Uint32Array {
  const n = Math.max(0, Math.floor(count));
  const limit = Math.max(0, Math.floor(max));
  if (n <= limit) return Uint32Array.from({ length: n }, (_, i) => i);
  if (limit <= 1) return new Uint32Array(limit);
  const picked = new Uint32Array(limit);
  // (n - 1)/(limit - 1) > 1 here, so rounding never picks an index twice.
  for (let k = 0; k < limit; k++) picked[k] = Math.round((k * (n - 1)) / (limit - 1));
  return picked;
}
