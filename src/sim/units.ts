/** Cluster time in milliseconds since the simulation started (negative: before it). */
export type SimMs = number & { readonly __brand: 'SimMs' };

export const ms = (n: number): SimMs => n as SimMs;
export const seconds = (n: number): SimMs => (n * 1000) as SimMs;
export const minutes = (n: number): SimMs => (n * 60_000) as SimMs;

/**
 * Go's time.Duration.String() of a whole number of milliseconds: "800ms", "3.2s",
 * "1m1.5s", "1h0m0s" (what the kubelet prints after Truncate(time.Millisecond)).
 */
export function goDurationMs(totalMs: number): string {
  const n = Math.max(0, Math.floor(totalMs));
  if (n === 0) return '0s';
  if (n < 1000) return `${n}ms`;
  const h = Math.floor(n / 3_600_000);
  const m = Math.floor((n % 3_600_000) / 60_000);
  const secMs = n % 60_000;
  const frac = String(secMs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  const s = `${Math.floor(secMs / 1000)}${frac ? `.${frac}` : ''}s`;
  if (h > 0) return `${h}h${m}m${s}`;
  if (m > 0) return `${m}m${s}`;
  return s;
}
