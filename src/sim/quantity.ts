// Resource quantities as the API carries them: strings ("2", "250m", "2967552Ki").
// The scheduler compares numbers, so it reads them through these two functions.

const binary: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
const decimal: Record<string, number> = { k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** CPU in millicores: "2" → 2000, "250m" → 250, "0.5" → 500. */
export function cpuMillis(q: string | undefined): number {
  if (!q) return 0;
  if (q.endsWith('m')) return Number(q.slice(0, -1)) || 0;
  return Math.round((Number(q) || 0) * 1000);
}

/** Bytes: "100Mi", "2967552Ki", "128974848", "1G". */
export function bytes(q: string | undefined): number {
  if (!q) return 0;
  const m = /^([0-9.]+)([KMGT]i|[kMGT])?$/.exec(q);
  if (!m) return 0;
  const unit = m[2] ? (binary[m[2]] ?? decimal[m[2]] ?? 1) : 1;
  return Number(m[1]) * unit;
}
