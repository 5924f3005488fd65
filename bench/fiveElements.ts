// five-elements-painted: a docs page with five <pod-lifecycle-animator> elements (the
// custom element's own build, one script tag), from navigation start to the painted
// frame in which all five diagrams are drawn. poster="none" makes each element draw at
// once instead of waiting to be scrolled into view. Since issue 14 an element first
// draws the lab's first moment from a stored frame, before the simulation's chunk has
// come: that is the figure. five-elements-live is the frame in which all five are the
// live app (their player bars are there: simulation, player and lessons loaded).
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import type { Metric } from './metric';
import type { Preview } from './preview';
import { nameShim, readFirstFrame, watchElementsDrawn } from './probes';
import { median } from './stats';

const PAGE = 'five-elements.html';
const DIAGRAM = 'svg g[role="group"][aria-label="1 API server (m-k8s)"]';
/** The live app's timeline and buttons, which the stored first frame does not have. */
const LIVE = '.player-bar';

const html = `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><title>Five Podscope elements</title></head>
  <body>
    <h1>Five embeds</h1>
${[1, 2, 3, 4, 5].map((n) => `    <p>Embed ${n}</p>\n    <pod-lifecycle-animator lesson="pod-create" lang="en" poster="none" height="420"></pod-lifecycle-animator>`).join('\n')}
    <script src="./embed/pod-lifecycle-animator.js"></script>
  </body>
</html>
`;

/** Builds the element into `site`/embed and writes the page beside the app's index.html. */
export function writeFiveElementsPage(root: string, site: string): void {
  execSync('npx vite build --config vite.embed.config.ts', {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, EMBED_OUT_DIR: join(site, 'embed') },
  });
  writeFileSync(join(site, PAGE), html);
}

async function once(browser: Browser, url: string, selector = DIAGRAM): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(nameShim);
  await page.addInitScript(watchElementsDrawn, {
    tag: 'pod-lifecycle-animator',
    selector,
    count: 5,
  });
  await page.goto(url);
  await page.waitForFunction(readFirstFrame, undefined, { timeout: 120_000 });
  const ms = (await page.evaluate(readFirstFrame)) as number;
  await page.close();
  return ms;
}

/** five-elements-painted and five-elements-live, their runs alternating. */
export async function fiveElementsMetrics(
  browser: Browser,
  preview: Preview,
  runs: number,
): Promise<Metric[]> {
  const url = `${preview.url}${PAGE}`;
  await once(browser, url); // warm-up
  const drawn: number[] = [];
  const live: number[] = [];
  for (let i = 0; i < runs; i++) {
    drawn.push(await once(browser, url));
    live.push(await once(browser, url, LIVE));
  }
  return [
    {
      name: 'five-elements-painted',
      value: Math.round(median(drawn)),
      unit: 'ms',
      budget: 250,
      note: `five elements (poster="none") on one page, navigation start to the frame with all five diagrams (the lab's first moment, drawn before the simulation loads); runs ${drawn.map(Math.round).join(', ')}`,
    },
    {
      name: 'five-elements-live',
      value: Math.round(median(live)),
      unit: 'ms',
      budget: 1000,
      note: `the same page, to the frame in which all five are the live app (simulation, player, lessons; no budget in the issue, 1 s is this bench's own line); runs ${live.map(Math.round).join(', ')}`,
    },
  ];
}
