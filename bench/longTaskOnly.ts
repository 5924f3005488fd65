// Runs the long-task rows alone (long-task-max, changed-long-task-max; npx tsx bench/longTaskOnly.ts): the whole bench takes minutes.
import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { changedLongTaskMetric } from './changedLongTask';
import { chromiumPath } from './chromium';
import { longTaskMetric } from './longTask';
import { startPreview } from './preview';

const root = join(import.meta.dirname, '..');
const site = mkdtempSync(join(tmpdir(), 'podscope-bench-'));
execSync(`npx vite build --outDir ${site} --emptyOutDir`, { cwd: root, stdio: 'ignore' });
const preview = await startPreview(root, site);
const browser = await chromium.launch({ executablePath: chromiumPath() });
try {
  const runs = Number(process.env.BENCH_BROWSER_RUNS ?? 1);
  console.log(JSON.stringify(await longTaskMetric(browser, preview.url, runs)));
  console.log(JSON.stringify(await changedLongTaskMetric(browser, preview.url, runs)));
} finally {
  await browser.close();
  preview.stop();
}
