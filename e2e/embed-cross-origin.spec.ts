// A docs page on another site (README: `<script src="https://your.host/podscope/embed/…">`).
// The script is a classic one, but the chunks it imports are ES modules, which a browser
// fetches with CORS: the host of Podscope must allow the docs page's origin.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

// Requests still on their way through a route when a test ends are no failure of the page.
test.afterEach(async ({ page }) => {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

const DOCS = 'http://docs.example.test';

async function docsPage(page: Page, allow: boolean): Promise<void> {
  const podscope = new URL(test.info().project.use.baseURL ?? '').origin;
  await page.route(`${DOCS}/**`, (r) =>
    r.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Docs</title></head><body>
<pod-lifecycle-animator id="a" lang="en" terminal="hide" poster="none"></pod-lifecycle-animator>
<pod-lifecycle-animator id="k" lang="ko" terminal="hide" poster="none"></pod-lifecycle-animator>
<script src="${podscope}/embed/pod-lifecycle-animator.js"></script></body></html>`,
    }),
  );
  await page.route(`${podscope}/embed/**`, async (r) => {
    const response = await r.fetch();
    const headers = { ...response.headers() };
    // Playwright's fulfil adds an allowing header of its own where none is given: a host
    // that does not allow the docs page is one that allows some other site only.
    headers['access-control-allow-origin'] = allow ? '*' : 'https://another-site.example';
    await r.fulfill({ response, headers });
  });
  await page.goto(`${DOCS}/guide.html`);
}

test('on another site whose Podscope host allows it (Access-Control-Allow-Origin), the element draws and runs', async ({
  page,
}) => {
  await docsPage(page, true);
  const el = page.locator('#a');
  await expect(el.getByRole('button', { name: /^play$/i })).toBeVisible();
  const out = await page.evaluate(() =>
    (document.getElementById('a') as unknown as { run(l: string, h: string): Promise<string> }).run(
      'kubectl get nodes',
      'm-k8s',
    ),
  );
  expect(out).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\nm-k8s\s+Ready\s+master/);
});

test('on another site whose Podscope host does not allow it, the element says why and its methods reject', async ({
  page,
}) => {
  await docsPage(page, false);
  const el = page.locator('#a');
  await expect(el.getByRole('alert')).toContainText('Access-Control-Allow-Origin');
  await expect(el.getByRole('alert')).toContainText(
    "Podscope's code could not be loaded from http://127.0.0.1",
  );
  await expect(page.locator('#k').getByRole('alert')).toContainText('Podscope의 코드를 불러오지 못했습니다');
  const error = await page.evaluate(() =>
    (document.getElementById('a') as unknown as { run(l: string, h: string): Promise<string> })
      .run('kubectl get nodes', 'm-k8s')
      .then(
        () => 'resolved',
        (e: Error) => e.message,
      ),
  );
  expect(error).toContain('could not be loaded');
});

test('the chunks come from beside the script, wherever the script is and whatever the page', async ({
  page,
}) => {
  // Podscope's build under /tools/podscope/, the docs page under /docs/guide/.
  const origin = new URL(test.info().project.use.baseURL ?? '').origin;
  const asked: string[] = [];
  await page.route(`${origin}/tools/podscope/embed/**`, async (r) => {
    const path = new URL(r.request().url()).pathname;
    asked.push(path);
    const response = await r.fetch({ url: `${origin}${path.replace('/tools/podscope', '')}` });
    await r.fulfill({ response });
  });
  await page.route(`${origin}/docs/guide/page.html`, (r) =>
    r.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Docs</title>
<base href="${origin}/somewhere/else/"></head><body>
<pod-lifecycle-animator id="a" lang="en" terminal="hide" poster="none"></pod-lifecycle-animator>
<script src="/tools/podscope/embed/pod-lifecycle-animator.js"></script></body></html>`,
    }),
  );
  await page.goto(`${origin}/docs/guide/page.html`);
  await expect(page.locator('#a').getByRole('button', { name: /^play$/i })).toBeVisible();
  expect(asked[0]).toBe('/tools/podscope/embed/pod-lifecycle-animator.js');
  expect(asked.length).toBeGreaterThan(3);
  for (const path of asked.slice(1)) expect(path).toMatch(/^\/tools\/podscope\/embed\/chunks\/[\w-]+\.js$/);
});
