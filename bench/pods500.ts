// frame-p95-500-pods: the bench page (bench/pages/pods500.tsx: the real Stage, 20 workers,
// a 500-replica Deployment created with the lesson's pod) built into bench/dist, served
// by `vite preview` and played at 1× in headless Chromium from moments of the rollout.
// pods500-ready and pods500-heap: how long the page takes to its first frame (it records
// the whole rollout first) and the JS heap it then holds, after a full collection.
import { execSync } from 'node:child_process';
import type { Browser } from '@playwright/test';
import type { Metric } from './metric';
import { startPreview } from './preview';
import { nameShim, readFirstFrame, startFrames, stopFrames, usedHeap, watchFirstFrame } from './probes';
import { intervals, median, percentile, round1 } from './stats';

const CONFIG = 'bench/vite.bench.config.ts';
const PLAY_MS = Number(process.env.BENCH_TOUR_MS ?? 8_000);
/** Cluster times inside the rollout where 50–100 messages are in flight at once (watch view). */
const STARTS = [1500, 2700, 3100];

interface BenchWindow {
  __bench: {
    player: { seek(t: number): void; setSpeed(s: number): void; play(): void; pause(): void };
  };
}

/** Seeks the page's player to `t` and plays at 1×. */
function playFrom(t: number): void {
  const p = (window as unknown as BenchWindow).__bench.player;
  p.pause();
  p.setSpeed(1);
  p.seek(t);
  p.play();
}

function tokensOnStage(): number {
  return document.querySelectorAll('.token').length;
}

export async function pods500Metrics(root: string, browser: Browser, runs: number): Promise<Metric[]> {
  execSync(`npx vite build --config ${CONFIG}`, { cwd: root, stdio: 'ignore' });
  const preview = await startPreview(root, undefined, CONFIG);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.addInitScript(nameShim);
    await page.addInitScript(watchFirstFrame, 'svg g[role="group"]');
    const loadStart = Date.now();
    // The page simulates the whole rollout before its first render (≈ 15 s on 2 cores).
    await page.goto(`${preview.url}pods500.html`, { timeout: 300_000 });
    await page.locator('svg g[role="group"]').first().waitFor({ timeout: 300_000 });
    const loadS = (Date.now() - loadStart) / 1000;
    await page.waitForFunction(readFirstFrame, undefined, { timeout: 300_000 });
    const readyMs = (await page.evaluate(readFirstFrame)) as number;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.detach();
    const heapMb = (await page.evaluate(usedHeap)) / 2 ** 20;
    const p95s: number[] = [];
    const tokens: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = STARTS[i % STARTS.length] as number;
      await page.evaluate(playFrom, start);
      await page.evaluate(startFrames);
      await page.waitForTimeout(PLAY_MS / 2);
      tokens.push(await page.evaluate(tokensOnStage));
      await page.waitForTimeout(PLAY_MS / 2);
      p95s.push(percentile(intervals(await page.evaluate(stopFrames)), 95));
    }
    const frames: Metric = {
      name: 'frame-p95-500-pods',
      value: round1(median(p95s)),
      unit: 'ms',
      budget: 33,
      note: `bench page, watch view, 1× for ${PLAY_MS / 1000} s from t=${STARTS.slice(0, runs).join('/')} ms; ${tokens.join('/')} messages in flight; p95 per run ${p95s.map(round1).join(', ')}; page ready in ${loadS.toFixed(0)} s`,
    };
    return [
      frames,
      {
        name: 'pods500-ready',
        value: Math.round(readyMs),
        unit: 'ms',
        budget: 1500,
        note: 'bench page (20 workers, 500 replicas): navigation start to its first painted frame; one load',
      },
      {
        name: 'pods500-heap',
        value: round1(heapMb),
        unit: 'MB',
        budget: 100,
        note: 'bench page: JS heap after a full collection, once its first frame is up; one load',
      },
    ];
  } finally {
    await page.close();
    preview.stop();
  }
}
