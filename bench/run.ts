// npm run bench: measures the budgets of DESIGN.md, prints a table and writes
// bench/report.json ({ metrics: [{ name, value, unit, budget }] }). Each value is
// the median of several runs in this process; the machine is noisy, so the
// report is a figure to read, not a test to pass.

import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { browserMetrics } from './browser';
import { chromiumPath } from './chromium';
import type { Metric } from './metric';
import { firstPageGzipKb } from './pageSize';
import { simHour } from './simHour';
import { median } from './stats';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const metrics: Metric[] = [];

simHour(); // warm-up: JIT and module loading are not part of the figure
const hours = Array.from({ length: runs }, () => simHour());
const last = hours[hours.length - 1];
metrics.push({
  name: 'sim-hour',
  value: Math.round(median(hours.map((h) => h.wallMs))),
  unit: 'ms',
  budget: 500,
  note: `${last?.messages} messages; ${last?.running}/100 web pods Running after w3-k8s died; ${(3_600_000 / median(hours.map((h) => h.wallMs)) / 1000).toFixed(0)}k× real time`,
});

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.log('building dist/ first ...');
  execSync('npx vite build', { cwd: join(here, '..'), stdio: 'ignore' });
}
const page = firstPageGzipKb(dist);
metrics.push({
  name: 'first-page-gzip',
  value: Math.round(page.kb * 10) / 10,
  unit: 'KB',
  budget: 120,
  note: `${page.files} files: entry script, its static imports and CSS`,
});

// The custom element's one file (issue 7), built by `npm run build` into dist/embed/.
const element = join(dist, 'embed', 'pod-lifecycle-animator.js');
if (existsSync(element)) {
  metrics.push({
    name: 'element-gzip',
    value: Math.round((gzipSync(readFileSync(element)).length / 1024) * 10) / 10,
    unit: 'KB',
    budget: 120,
    note: 'dist/embed/pod-lifecycle-animator.js (iife, one file, on preact/compat)',
  });
}

const executablePath = chromiumPath();
if (!executablePath) {
  console.log(
    'no Chromium found (CHROMIUM_PATH, /usr/lib/chromium/chromium, /usr/bin/chromium): browser metrics skipped',
  );
} else {
  const browserRuns = Number(process.env.BENCH_BROWSER_RUNS ?? 3);
  metrics.push(...(await browserMetrics(join(here, '..'), executablePath, browserRuns)));
}

mkdirSync(here, { recursive: true });
writeFileSync(join(here, 'report.json'), `${JSON.stringify({ metrics }, null, 2)}\n`);

const rows = metrics.map((m) => [
  m.name,
  Number.isNaN(m.value) ? '—' : `${m.value} ${m.unit}`,
  `≤ ${m.budget} ${m.unit}`,
  Number.isNaN(m.value) ? '' : m.value <= m.budget ? 'met' : 'OVER',
  m.note ?? '',
]);
const header = ['metric', 'median', 'budget', '', 'note'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));
console.log(`\n(${runs} runs each; written to bench/report.json)`);
