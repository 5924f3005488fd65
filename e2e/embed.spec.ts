// Issue 7 on the built site: the example page, the element's methods and events,
// independence of two elements, and the host page's CSS kept out of the shadow root.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

const NODES =
  /NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION[\s\S]*m-k8s\s+Ready\s+master[\s\S]*w1-k8s\s+Ready[\s\S]*w2-k8s\s+Ready[\s\S]*w3-k8s\s+Ready/;

/** Two fresh elements, `a` and `b`, appended to the example page, and the events each sent. */
async function twoElements(page: Page): Promise<void> {
  await page.goto('./embed-example.html');
  await page.waitForFunction(() => customElements.get('pod-lifecycle-animator') !== undefined);
  await page.evaluate(() => {
    const w = window as unknown as { events: Record<string, { type: string; detail: unknown }[]> };
    w.events = { a: [], b: [] };
    for (const id of ['a', 'b']) {
      const el = document.createElement('pod-lifecycle-animator');
      el.id = id;
      el.setAttribute('lesson', 'pod-create');
      el.setAttribute('lang', 'en');
      el.setAttribute('poster', 'none');
      for (const type of ['step', 'message', 'fault', 'statechange', 'ready'])
        el.addEventListener(type, (e) => w.events[id]?.push({ type, detail: (e as CustomEvent).detail }));
      document.body.append(el);
    }
  });
}

test('the example page shows both embeds and its text drives them', async ({ page }) => {
  await page.goto('./embed-example.html');
  const element = page.locator('#element-embed');
  await page.locator('[data-element="goToStep"]').click();
  await expect(page.locator('#element-output')).toHaveText('step 5');
  await expect(element.getByRole('group', { name: /diagram/i })).toBeVisible();
  await page.locator('[data-element="run"]').click();
  await expect(page.locator('#element-output')).toHaveText(NODES);

  await page.locator('#frame-embed').scrollIntoViewIfNeeded();
  await page.locator('[data-frame="goToStep"]').click();
  await expect(page.locator('#frame-output')).toHaveText('step 5');
  const frame = page.frameLocator('#frame-embed');
  await expect(frame.getByRole('heading', { name: 'Podscope' })).toBeHidden();
  await expect(frame.getByRole('group', { name: /diagram/i })).toBeVisible();
  await page.locator('[data-frame="inject"]').click();
  await page.locator('[data-frame="run"]').click();
  await expect(page.locator('#frame-output')).toHaveText(/w2-k8s\s+(Ready|NotReady)/);
  // The frame told the page its height.
  await expect
    .poll(() => page.locator('#frame-embed').evaluate((f) => (f as HTMLElement).style.height))
    .toMatch(/px$/);
});

test('the element runs commands, moves, injects faults and reports each as an event', async ({ page }) => {
  await twoElements(page);
  const out = await page.evaluate(() =>
    (document.getElementById('a') as unknown as { run(l: string, h: string): Promise<string> }).run(
      'kubectl get nodes',
      'm-k8s',
    ),
  );
  expect(out).toMatch(NODES);
  expect(out.trim().split('\n')).toHaveLength(5);

  const steps = await page.evaluate(async () => {
    const a = document.getElementById('a') as unknown as {
      goToStep(n: number): Promise<number>;
      step(d: number): Promise<number>;
      seek(ms: number): Promise<void>;
      play(): Promise<void>;
      pause(): Promise<void>;
      inject(f: string, t: string): Promise<void>;
      heal(f: string, t: string): Promise<void>;
    };
    const first = await a.goToStep(2);
    const second = await a.step(1);
    await a.seek(0);
    await a.play();
    await new Promise((r) => setTimeout(r, 600));
    await a.pause();
    await a.inject('kubelet', 'w2-k8s');
    await a.heal('kubelet', 'w2-k8s');
    return [first, second];
  });
  expect(steps).toEqual([2, 3]);
  // Events are dispatched as the element's frames catch up: wait for the heal's, as a page would listen.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          ((window as unknown as { events: Record<string, { type: string }[]> }).events.a ?? []).filter(
            (e) => e.type === 'fault',
          ).length,
      ),
    )
    .toBe(2);
  const events = await page.evaluate(
    () =>
      (window as unknown as { events: Record<string, { type: string; detail: Record<string, unknown> }[]> })
        .events,
  );
  const a = events.a ?? [];
  const types = new Set(a.map((e) => e.type));
  for (const t of ['ready', 'step', 'message', 'fault', 'statechange']) expect(types, t).toContain(t);
  expect(
    a.filter((e) => e.type === 'fault').map((e) => [e.detail.fault, e.detail.target, e.detail.heal]),
  ).toEqual([
    ['kubelet', 'w2-k8s', false],
    ['kubelet', 'w2-k8s', true],
  ]);
  expect(a.find((e) => e.type === 'step')?.detail).toMatchObject({ of: 8 });

  // b saw none of it: it is still at the start, with no fault and no command.
  expect((events.b ?? []).filter((e) => e.type !== 'ready')).toEqual([]);
  const b = await page.evaluate(() =>
    (document.getElementById('b') as unknown as { state(): Promise<{ step: number; now: number }> }).state(),
  );
  expect(b).toMatchObject({ step: 0, now: 0 });
  await expect(page.locator('#b').getByRole('log')).not.toContainText('kubectl get nodes');
});

test("the page's CSS does not change the element's look", async ({ page }) => {
  await twoElements(page);
  const button = page.locator('#a').getByRole('button', { name: /next step/i });
  await expect(button).toBeVisible();
  const look = () =>
    button.evaluate((b) => {
      const s = getComputedStyle(b);
      return [
        s.color,
        s.backgroundColor,
        s.fontFamily,
        s.fontSize,
        s.borderRadius,
        b.getBoundingClientRect().height,
      ];
    });
  const before = await look();
  await page.addStyleTag({
    content: `html { font-size: 40px !important; } * { color: red !important; font-family: serif !important;
      line-height: 3 !important; } button { background: hotpink !important; border-radius: 0 !important; }
      pod-lifecycle-animator { font-size: 50px; color: lime; }`,
  });
  expect(await look()).toEqual(before);
  // Nor does the element's CSS reach the page.
  expect(await page.locator('main > h1').evaluate((h) => getComputedStyle(h).fontFamily)).toBe('serif');
});

test('an element out of view shows a poster until it is clicked', async ({ page }) => {
  await page.goto('./embed-example.html');
  await page.evaluate(() => {
    const el = document.createElement('pod-lifecycle-animator');
    el.id = 'far';
    el.style.marginTop = '4000px';
    document.body.append(el);
  });
  const far = page.locator('#far');
  const poster = far.getByRole('button', { name: /load and play/i });
  await expect(poster).toBeAttached();
  await expect(far.getByRole('group', { name: /diagram/i })).toHaveCount(0);
  await poster.evaluate((b) => (b as HTMLButtonElement).click());
  await expect(far.getByRole('group', { name: /diagram/i })).toBeVisible();
  await expect(far.getByRole('button', { name: /^pause$/i })).toBeVisible();
});
