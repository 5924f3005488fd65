// Issue 7: the iframe's postMessage protocol obeys only `allowOrigin`, and the service
// worker serves the app with the network off.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

// The preview's port, as playwright.config.ts chooses it (PREVIEW_PORT).
const PORT = Number(process.env.PREVIEW_PORT ?? 4173);
const APP = `http://127.0.0.1:${PORT}`;

/** A page at `parentOrigin` holding the app in an iframe that allows only APP. */
async function framed(page: Page, parentOrigin: string) {
  await page.goto(`${parentOrigin}/embed-example.html`);
  await page.evaluate(
    (src) => {
      const f = document.createElement('iframe');
      f.id = 'probe';
      f.src = src;
      f.style.height = '600px';
      document.body.prepend(f);
      const w = window as unknown as { replies: unknown[]; ready: boolean };
      w.replies = [];
      w.ready = false;
      addEventListener('message', (e) => {
        if (e.source !== f.contentWindow || e.data?.source !== 'podscope') return;
        if (e.data.type === 'reply') w.replies.push(e.data);
        if (e.data.type === 'resize') w.ready = true;
      });
    },
    `${APP}/index.html?lesson=pod-create&lang=en&embed=1&allowOrigin=${encodeURIComponent(APP)}`,
  );
  const frame = page.frameLocator('#probe');
  await expect(frame.getByRole('group', { name: /diagram/i })).toBeVisible();
  // The bridge is up once the frame has reported its height.
  await page.waitForFunction(() => (window as unknown as { ready: boolean }).ready);
  return frame;
}

const send = (page: Page, message: Record<string, unknown>) =>
  page.evaluate((m) => {
    (document.getElementById('probe') as HTMLIFrameElement).contentWindow?.postMessage(m, '*');
  }, message);

test('a message from an allowed origin is obeyed and answered with its id', async ({ page }) => {
  await framed(page, APP);
  await send(page, { source: 'podscope', v: 1, type: 'goToStep', id: 'q1', step: 5 });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { replies: unknown[] }).replies))
    .toEqual([{ source: 'podscope', v: 1, type: 'reply', id: 'q1', ok: true, result: 5 }]);
  await send(page, { source: 'podscope', v: 1, type: 'run', id: 7, line: 'kubectl get nodes' });
  await expect
    .poll(() =>
      page.evaluate(() => JSON.stringify((window as unknown as { replies: unknown[] }).replies[1] ?? '')),
    )
    .toMatch(/"id":7,"ok":true,"result":"NAME .*w3-k8s/);
});

test('a message from another origin is ignored, counted at debug level, never run', async ({ page }) => {
  const debug: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'debug') debug.push(m.text());
  });
  const frame = await framed(page, `http://localhost:${PORT}`);
  await send(page, { source: 'podscope', v: 1, type: 'inject', id: 'x', fault: 'apiserver' });
  await send(page, { source: 'podscope', v: 1, type: 'goToStep', id: 'y', step: 5 });
  await expect.poll(() => debug.filter((d) => d.includes('podscope: ignored')).length).toBe(2);
  expect(debug.at(-1)).toContain(`http://localhost:${PORT}`);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { replies: unknown[] }).replies)).toEqual([]);
  await expect(frame.getByRole('tab', { name: /faults/i })).toBeVisible();
  expect(
    page
      .frames()
      .find((f) => f.url().includes('embed=1'))
      ?.url(),
  ).toContain('step=0');
});

test('the service worker serves the app with the network off', async ({ page, context }) => {
  await page.goto('./');
  await expect(page.getByRole('group', { name: /diagram/i })).toBeVisible();
  const version = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    return (await fetch('./version.json')).json();
  });
  expect(version.version).toMatch(/^\d+\.\d+\.\d+/);
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await page.waitForTimeout(300);
  await context.setOffline(true);
  const res = await page.reload();
  expect(res?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('group', { name: /diagram/i })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Podscope' })).toBeVisible();
  await context.setOffline(false);
});
