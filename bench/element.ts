// The element's rows alone (issue 14), in about a minute instead of the whole bench's
// many: first-page-gzip, element-gzip and the five-element page. Run after
// `npm run build`: `node --import tsx bench/element.ts` (BENCH_BROWSER_RUNS, default 5).
import { join } from 'node:path';
import { elementBrowserMetrics } from './browser';
import { chromiumPath } from './chromium';
import { elementGzipMetric } from './elementSize';
import type { Metric } from './metric';
import { firstPageGzipKb } from './pageSize';
import { printTable } from './table';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const page = firstPageGzipKb(dist);
const metrics: Metric[] = [
  {
    name: 'first-page-gzip',
    value: Math.round(page.kb * 10) / 10,
    unit: 'KB',
    budget: 120,
    note: `${page.files} files: entry script, its static imports and CSS`,
  },
];
const element = elementGzipMetric(join(dist, 'embed'));
if (element) metrics.push(element);
const executablePath = chromiumPath();
const runs = Number(process.env.BENCH_BROWSER_RUNS ?? 5);
if (executablePath) metrics.push(...(await elementBrowserMetrics(root, executablePath, runs)));
else console.log('no Chromium found: the five-element rows are skipped');
printTable(metrics);
console.log(`\n(${runs} browser runs)`);
