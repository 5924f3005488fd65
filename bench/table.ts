// The bench's table on the console: each metric, its median, its budget and whether it is met.
import type { Metric } from './metric';

export function printTable(metrics: readonly Metric[]): void {
  const rows = metrics.map((m) => [
    m.name,
    Number.isNaN(m.value) ? '—' : `${m.value} ${m.unit}`,
    m.budget === undefined ? '—' : `≤ ${m.budget} ${m.unit}`,
    Number.isNaN(m.value) || m.budget === undefined ? '' : m.value <= m.budget ? 'met' : 'OVER',
    m.note ?? '',
  ]);
  const header = ['metric', 'median', 'budget', '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}
