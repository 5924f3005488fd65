import { expect, test } from '@playwright/test';

test('the page is titled Podscope and shows the cluster stage', async ({ page }) => {
  await page.goto('./');
  await expect(page).toHaveTitle(/Podscope/);
  await expect(page.getByRole('heading', { name: 'Podscope' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Cluster stage' })).toBeVisible();
});
