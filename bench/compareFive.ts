// Five-elements-painted for two checkouts in one sitting (issue 14's before and after):
// `node --import tsx bench/compareFive.ts <root-a> <root-b> [runs]`. Each root is
// built into a site of its own; the runs alternate between them, so the machine's
// load falls on both alike.
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumPath } from './chromium';
import { fiveElementsMetrics, writeFiveElementsPage } from './fiveElements';
import { startPreview } from './preview';

const [a, b] = process.argv.slice(2, 4);
const runs = Number(process.argv[4] ?? 5);
if (!a || !b) throw new Error('usage: bench/compareFive.ts <root-a> <root-b> [runs]');
const executablePath = chromiumPath();
if (!executablePath) throw new Error('no Chromium found');

const sites = [a, b].map((root) => {
  const site = mkdtempSync(join(tmpdir(), 'podscope-five-'));
  execSync(`npx vite build --outDir ${site} --emptyOutDir`, { cwd: root, stdio: 'ignore' });
  writeFiveElementsPage(root, site);
  return { root, site };
});
const previews = await Promise.all(sites.map((s) => startPreview(s.root, s.site)));
const browser = await chromium.launch({ executablePath });
try {
  const times = new Map<string, number[]>();
  for (let i = 0; i < runs; i++)
    for (const [k, preview] of previews.entries())
      for (const m of await fiveElementsMetrics(browser, preview, 1)) {
        const key = `${sites[k]?.root} ${m.name}`;
        times.set(key, [...(times.get(key) ?? []), m.value]);
      }
  for (const [key, t] of [...times].sort(([x], [y]) => x.localeCompare(y))) {
    const sorted = [...t].sort((x, y) => x - y);
    console.log(`${key}: median ${sorted[Math.floor(sorted.length / 2)]} ms; runs ${t.join(', ')}`);
  }
} finally {
  await browser.close();
  for (const p of previews) p.stop();
  for (const s of sites) rmSync(s.site, { recursive: true, force: true });
}
