import { expect, test } from '@playwright/test';

// Issue 7: "Share" gives the link to the current state and both snippets; "Export"
// saves the current frame as SVG and PNG for slides.

test('Share gives the link to this step and the two embed snippets', async ({ page }) => {
  await page.goto('./?lesson=pod-create&lang=en&step=4');
  await expect(page.locator('.timeline-marker')).toHaveCount(8);
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this moment' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Link to this step' })).toHaveValue(
    /lesson=pod-create.*step=4/,
  );
  await expect(dialog.getByRole('textbox', { name: 'Embed as an iframe' })).toHaveValue(
    /<iframe[^>]+embed=1/,
  );
  await expect(dialog.getByRole('textbox', { name: 'Embed as an element' })).toHaveValue(
    /<pod-lifecycle-animator[^>]+lesson="pod-create"/,
  );
});

test('Export saves the current frame as SVG and as PNG', async ({ page }) => {
  await page.goto('./?lesson=pod-create&lang=en&step=5');
  await expect(page.locator('.timeline-marker')).toHaveCount(8);
  await page.getByRole('button', { name: 'Export' }).click();
  const svgDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as SVG' }).click();
  const svg = await svgDownload;
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  const text = await (await svg.createReadStream()).toArray();
  expect(Buffer.concat(text).toString('utf8')).toContain('API server');
  const pngDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as PNG' }).click();
  const png = await pngDownload;
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const bytes = Buffer.concat(await (await png.createReadStream()).toArray());
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
});
