// Issue 16: the offline worker never serves yesterday's lesson file. A file changed on
// the server is seen on the next load; with the network off the last copy still opens.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const example = readFileSync('public/lessons/example.yaml', 'utf8');
const name = `e2e-fresh-${process.pid}-${Date.now()}.yaml`;
const file = `dist/lessons/${name}`;
const withTitle = (title: string) => example.replace('en: Create a Deployment', `en: ${title}`);

test.afterAll(() => rmSync(file, { force: true }));

test('a lesson file changed on the server is seen on the next load, and offline the last copy opens', async ({
  page,
  context,
}) => {
  const url = `./?lesson-file=lessons/${name}&lang=en`;
  writeFileSync(file, withTitle('First version'));
  await page.goto(url);
  await expect(page.getByRole('region', { name: 'First version' })).toBeVisible({ timeout: 10_000 });
  // The worker now controls the page: every later request goes through it.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  for (const title of ['Second version', 'Third version', 'Fourth version']) {
    writeFileSync(file, withTitle(title));
    await page.goto(url);
    await expect(page.getByRole('region', { name: title })).toBeVisible({ timeout: 10_000 });
  }

  const version = await page.evaluate(async () => (await fetch('./version.json')).json());
  expect(version.entry).toMatch(/^assets\/.+\.js$/);

  await context.setOffline(true);
  const res = await page.goto(url);
  expect(res?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('region', { name: 'Fourth version' })).toBeVisible({ timeout: 10_000 });
  await context.setOffline(false);
});

test('a page left open while a new build is deployed says so and reloads into it', async ({
  page,
  context,
}) => {
  await page.goto('./?lang=en');
  await expect(page.getByRole('group', { name: /diagram/i })).toBeVisible();
  await expect(page.getByText('A new version of Podscope is ready.')).toBeHidden();
  // A new build on the server: its version.json names another entry script.
  const real = await page.evaluate(async () => (await fetch('./version.json', { cache: 'no-store' })).json());
  await context.route('**/version.json', (route) =>
    route.fulfill({ json: { ...real, entry: 'assets/index-NEWBUILD0.js' } }),
  );
  await page.evaluate(() => dispatchEvent(new Event('online')));
  const notice = page.getByRole('status').filter({ hasText: 'A new version of Podscope is ready.' });
  await expect(notice).toBeVisible();
  await context.unroute('**/version.json');
  await notice.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('group', { name: /diagram/i })).toBeVisible();
  await expect(page.getByText('A new version of Podscope is ready.')).toBeHidden();
});

test("the element's script has a copy named by its content, for a docs site that pins one build", async ({
  page,
}) => {
  await page.goto('./embed-example.html');
  const same = await page.evaluate(async () => {
    const files = await (await fetch('./embed/files.json', { cache: 'no-store' })).json();
    const [a, b] = await Promise.all(
      [files.element, files.pinned].map(async (f: string) => (await fetch(`./embed/${f}`)).text()),
    );
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(b));
    const hex = [...new Uint8Array(digest)].map((x) => x.toString(16).padStart(2, '0')).join('');
    return { pinned: files.pinned as string, equal: a === b, named: files.pinned.includes(hex.slice(0, 12)) };
  });
  expect(same.pinned).toMatch(/^pod-lifecycle-animator-[0-9a-f]{12}\.js$/);
  expect(same.equal).toBe(true);
  expect(same.named).toBe(true);
});
