// Issue 14: the element's first script is small and loads the rest from beside itself,
// each chunk once for the whole page; with terminal="hide" the shells' code (kubectl,
// its printers, YAML) is fetched only once a command is asked for.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

// Requests still on their way through a route when a test ends are no failure of the page.
test.afterEach(async ({ page }) => {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

/** Text only the shells' chunk carries: kubectl's own help. */
const SHELL_MARK = 'kubectl controls the Kubernetes cluster manager.';

/** What the lab's kubectl 1.18.4 prints at the tour's first moment (`npm run shell -- --seed 1`). */
const NODES = `NAME     STATUS   ROLES    AGE   VERSION
m-k8s    Ready    master   29m   v1.18.4
w1-k8s   Ready    <none>   24m   v1.18.4
w2-k8s   Ready    <none>   19m   v1.18.4
w3-k8s   Ready    <none>   15m   v1.18.4`;

interface Fetched {
  readonly url: string;
  readonly body: string;
}

/** Serves `elements` in a bare page at ./lazy.html; returns the scripts it fetches, as they come. */
async function openPage(
  p: Page,
  elements: string,
): Promise<{ scripts: Fetched[]; settled: () => Promise<void> }> {
  const scripts: Fetched[] = [];
  const pending: Promise<void>[] = [];
  p.on('response', (r) => {
    if (r.url().endsWith('.js'))
      // A body still on its way when the test ends is no failure of the page.
      pending.push(
        r.text().then(
          (body) => void scripts.push({ url: r.url(), body }),
          () => {},
        ),
      );
  });
  const html = `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Elements</title></head>
<body>${elements}<script src="./embed/pod-lifecycle-animator.js"></script></body></html>`;
  await p.route('**/lazy.html', (r) => r.fulfill({ contentType: 'text/html', body: html }));
  await p.goto('./lazy.html');
  return {
    scripts,
    /** Every script asked for so far has come (the network has been quiet for 500 ms). */
    settled: async () => {
      await p.waitForLoadState('networkidle');
      let seen = -1;
      while (seen !== pending.length) {
        seen = pending.length;
        await Promise.all(pending);
        await p.waitForTimeout(500);
      }
    },
  };
}

const shellChunks = (scripts: readonly Fetched[]) =>
  scripts.filter((s) => s.body.includes(SHELL_MARK)).map((s) => new URL(s.url).pathname);

test('an element with terminal="hide" fetches the shells only when run() asks for them', async ({ page }) => {
  const { scripts, settled } = await openPage(
    page,
    '<pod-lifecycle-animator id="a" lesson="pod-create" lang="en" terminal="hide" poster="none"></pod-lifecycle-animator>',
  );
  const el = page.locator('#a');
  // The live app is here (its Play button), the lab drawn, nothing more on its way.
  await expect(el.getByRole('button', { name: /^play$/i })).toBeVisible();
  await expect(el.getByRole('group', { name: /diagram/i })).toBeVisible();
  await settled();
  const paths = scripts.map((s) => new URL(s.url).pathname);
  expect(paths).toContain('/embed/pod-lifecycle-animator.js');
  expect(paths.filter((u) => /^\/embed\/chunks\/app-[\w-]+\.js$/.test(u))).toHaveLength(1);
  expect(shellChunks(scripts)).toEqual([]);

  const out = await page.evaluate(() =>
    (document.getElementById('a') as unknown as { run(l: string, h: string): Promise<string> }).run(
      'kubectl get nodes',
      'm-k8s',
    ),
  );
  expect(out).toBe(NODES);
  await settled();
  expect(shellChunks(scripts)).toEqual([expect.stringMatching(/^\/embed\/chunks\/[\w-]+\.js$/)]);
});

test('five elements draw their diagrams from one copy of each chunk', async ({ page }) => {
  const five = Array.from(
    { length: 5 },
    (_, i) =>
      `<pod-lifecycle-animator id="e${i}" lang="en" poster="none" height="300"></pod-lifecycle-animator>`,
  ).join('\n');
  const { scripts, settled } = await openPage(page, five);
  for (let i = 0; i < 5; i++) {
    await expect(page.locator(`#e${i}`).getByRole('group', { name: /diagram/i })).toBeVisible();
    await expect(page.locator(`#e${i}`).getByRole('button', { name: /^play$/i })).toBeVisible();
  }
  await settled();
  const paths = scripts.map((s) => new URL(s.url).pathname);
  // The terminal is shown (the default): each element runs commands, from the one shells' chunk.
  expect(shellChunks(scripts)).toHaveLength(1);
  expect(paths.length).toBeGreaterThan(3);
  expect(new Set(paths).size).toBe(paths.length);
  const out = await page.evaluate(() =>
    Promise.all(
      [0, 4].map((i) =>
        (document.getElementById(`e${i}`) as unknown as { run(l: string, h: string): Promise<string> }).run(
          'kubectl get nodes',
          'm-k8s',
        ),
      ),
    ),
  );
  expect(out).toEqual([NODES, NODES]);
});

test("the element draws the lab's first moment before the simulation's code has come", async ({ page }) => {
  // Hold back every chunk of the simulation and the live app (they name FailedScheduling).
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const heldBack: string[] = [];
  await page.route('**/embed/chunks/*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes('FailedScheduling')) {
      heldBack.push(new URL(route.request().url()).pathname);
      await held;
    }
    await route.fulfill({ response, body });
  });
  await openPage(
    page,
    '<pod-lifecycle-animator id="a" lang="en" terminal="hide" poster="none"></pod-lifecycle-animator>',
  );
  const el = page.locator('#a');
  await expect(el.getByRole('group', { name: /diagram/i })).toBeVisible();
  await expect(el.getByRole('group', { name: '1 API server (m-k8s)' })).toBeVisible();
  await expect(el.getByRole('status')).toHaveText('Loading the lab…');
  await expect.poll(() => heldBack.length).toBeGreaterThan(0);
  await expect(el.getByRole('button', { name: /^play$/i })).toHaveCount(0);
  release();
  await expect(el.getByRole('button', { name: /^play$/i })).toBeVisible();
  await expect(el.getByText('Loading the lab…')).toHaveCount(0);
});

test("a method's bad argument is refused at once, before any of the app's chunks is fetched", async ({
  page,
}) => {
  const { scripts, settled } = await openPage(
    page,
    '<pod-lifecycle-animator id="far" lang="en" style="display:block;margin-top:4000px"></pod-lifecycle-animator>',
  );
  await expect(page.locator('#far').getByRole('button', { name: /load and play/i })).toBeAttached();
  const errors = await page.evaluate(async () => {
    const el = document.getElementById('far') as unknown as Record<
      string,
      (...a: unknown[]) => Promise<unknown>
    >;
    const calls: [string, unknown[]][] = [
      ['run', [42]],
      ['seek', [Number.NaN]],
      ['goToStep', ['5']],
      ['inject', ['']],
    ];
    return Promise.all(
      calls.map(([verb, args]) =>
        (el[verb] as (...a: unknown[]) => Promise<unknown>)(...args).then(
          () => 'resolved',
          (e: Error) => `${e.name}: ${e.message}`,
        ),
      ),
    );
  });
  expect(errors).toEqual([
    'TypeError: run(line, host): line must be a string',
    'TypeError: seek(ms): ms must be a finite number',
    'TypeError: goToStep(n): n must be a finite number',
    'TypeError: inject(fault, target): fault must not be empty',
  ]);
  await settled();
  expect(scripts.map((s) => new URL(s.url).pathname)).toEqual(['/embed/pod-lifecycle-animator.js']);
});

test('Play pressed on an element with terminal="hide" before the shells have come keeps playing once they have', async ({
  page,
}) => {
  const { scripts } = await openPage(
    page,
    '<pod-lifecycle-animator id="a" lang="en" terminal="hide" poster="none"></pod-lifecycle-animator>',
  );
  const el = page.locator('#a');
  const ready = page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        document.getElementById('a')?.addEventListener('ready', () => resolve()),
      ),
  );
  await el.getByRole('button', { name: /^play$/i }).click();
  await ready;
  expect(shellChunks(scripts)).toHaveLength(1);
  await expect(el.getByRole('button', { name: /^pause$/i })).toBeVisible();
  const state = await page.evaluate(() =>
    (document.getElementById('a') as unknown as { state(): Promise<{ playing: boolean }> }).state(),
  );
  expect(state.playing).toBe(true);
});
