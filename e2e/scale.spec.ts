// A demo at scale (issue 14): the lab with 200 workers, from the address, as a teacher
// would open it; the diagram holds every node (compact cells, the stage scrolls), kubectl
// lists them, and the link keeps the size.
import { expect, test } from '@playwright/test';

test('workers=200: every node on the diagram, kubectl lists them, the link keeps it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./?lesson=pod-create&lang=en&workers=200');
  await expect(page.locator('.timeline-marker')).toHaveCount(8, { timeout: 60_000 });
  for (const host of ['w1-k8s', 'w100-k8s', 'w200-k8s']) {
    await expect(page.getByRole('group', { name: `5 kubelet (${host})`, exact: true })).toBeAttached();
    await expect(page.getByRole('group', { name: `7 pods (${host})`, exact: true })).toBeAttached();
  }
  await expect(page.getByRole('group', { name: /^5 kubelet \(/ })).toHaveCount(200);
  // The last node is below the fold; scrolled to, it is on screen and shows its pods' count.
  const last = page.getByRole('group', { name: '7 pods (w200-k8s)', exact: true });
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  await page.getByRole('button', { name: 'Go to the end' }).click();
  const box = page.getByRole('textbox', { name: 'Terminal, m-k8s' });
  const log = page.getByRole('log', { name: 'Terminal output, m-k8s' });
  await box.fill('kubectl get nodes');
  await box.press('Enter');
  // The API server lists by key: w1, w10, w100 … w2, w20, w200 …; every node Ready.
  await expect(log).toContainText(/w2-k8s\s+Ready\s+<none>\s+\S+\s+v1\.18\.4\s*w20-k8s\s+Ready/, {
    timeout: 30_000,
  });
  await expect
    .poll(async () => ((await log.textContent()) ?? '').match(/-k8s\s+Ready\s/g)?.length ?? 0)
    .toBe(201);
  await expect(page).toHaveURL(/[?&]workers=200(&|$)/);
});

test('workers=500 is more than the lab allows: a notice, and the book’s three workers', async ({ page }) => {
  await page.goto('./?lesson=pod-create&lang=en&workers=500');
  await expect(page.getByRole('status').filter({ hasText: 'workers="500"' })).toBeVisible();
  await expect(page.getByRole('group', { name: /^5 kubelet \(/ })).toHaveCount(3, { timeout: 30_000 });
  await expect(page).not.toHaveURL(/workers=/);
});
