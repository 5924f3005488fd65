// Summaries of repeated measurements: the median across runs, a percentile within one.

export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

/** The p-th percentile by linear interpolation between the two nearest ranks. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = ((s.length - 1) * p) / 100;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (rank - lo);
}

/** Gaps between successive timestamps (frame intervals from requestAnimationFrame times). */
export function intervals(times: readonly number[]): number[] {
  return times.slice(1).map((t, i) => t - (times[i] as number));
}

export const round1 = (x: number) => Math.round(x * 10) / 10;
