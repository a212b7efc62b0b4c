/**
 * Upload speed smoothed over recent progress reports (exponential moving average), so
 * the displayed speed and time left do not jump with every chunk.
 */
export interface TransferRate {
  bytesPerSecond: number;
  lastBytes: number;
  lastAt: number;
}

const SMOOTHING = 0.3;

export function startTransferRate(bytes: number, at: number): TransferRate {
  return { bytesPerSecond: 0, lastBytes: bytes, lastAt: at };
}

export function updateTransferRate(rate: TransferRate, bytes: number, at: number): TransferRate {
  const elapsed = (at - rate.lastAt) / 1000;
  if (elapsed <= 0 || bytes < rate.lastBytes) return { ...rate, lastBytes: bytes, lastAt: at };
  const instant = (bytes - rate.lastBytes) / elapsed;
  const bytesPerSecond = rate.bytesPerSecond === 0 ? instant : rate.bytesPerSecond + SMOOTHING * (instant - rate.bytesPerSecond);
  return { bytesPerSecond, lastBytes: bytes, lastAt: at };
}

export function secondsLeft(rate: TransferRate, totalBytes: number): number {
  return rate.bytesPerSecond > 0 ? (totalBytes - rate.lastBytes) / rate.bytesPerSecond : NaN;
}
