// The built site runs under a strict Content-Security-Policy (issue 8): the policy is in
// the page, and playing the lesson reports no violation, in events or in the console.
import { expect, test } from '@playwright/test';

test('the built page carries a strict CSP and renders without violating it', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  await page.goto('./?lesson=pod-create&lang=en');

  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);

  await expect(page.getByRole('group', { name: '1 API server (m-k8s)', exact: true })).toBeVisible();
  await expect(page.locator('.timeline-marker')).toHaveCount(8);
  // Play a while and jump to the end: styles set by React and D3 transitions must pass too.
  await page.keyboard.press('Space');
  await page.waitForTimeout(1500);
  await page.keyboard.press('End');
  await expect(page.getByRole('group', { name: '7 pods (w2-k8s)', exact: true })).toContainText('Running');

  const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  expect([...problems, ...violations]).toEqual([]);
});
