// Runs the long-task-max row alone (npx tsx bench/longTaskOnly.ts): the whole bench takes minutes.
import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumPath } from './chromium';
import { longTaskMetric } from './longTask';
import { startPreview } from './preview';

const root = join(import.meta.dirname, '..');
const site = mkdtempSync(join(tmpdir(), 'podscope-bench-'));
execSync(`npx vite build --outDir ${site} --emptyOutDir`, { cwd: root, stdio: 'ignore' });
const preview = await startPreview(root, site);
const browser = await chromium.launch({ executablePath: chromiumPath() });
try {
  console.log(
    JSON.stringify(await longTaskMetric(browser, preview.url, Number(process.env.BENCH_BROWSER_RUNS ?? 1))),
  );
} finally {
  await browser.close();
  preview.stop();
}
