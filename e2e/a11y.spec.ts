// axe on the lesson page in every theme and both languages: no serious or critical
// violation (issue 8). The page is checked at a step where the diagram, the narration,
// the terminal and the timeline all have content, and with messages in flight.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

/** One line per rule and element, with axe's own summary of what to fix. */
function listViolations(violations: Violations): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.impact} ${v.id}: ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ')}`,
      ),
    )
    .join('\n');
}

for (const theme of ['light', 'dark', 'projector'] as const) {
  for (const lang of ['en', 'ko'] as const) {
    test(`axe: no serious or critical violation, theme ${theme}, ${lang}`, async ({ page }) => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(`./?lesson=pod-create&lang=${lang}&theme=${theme}&step=5`);
      await expect(page.locator('.timeline-marker')).toHaveCount(8);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        serious.map((v) => v.id),
        listViolations(serious),
      ).toEqual([]);
    });
  }
}

test('projector theme: text contrast meets WCAG AAA (7:1, 4.5:1 for large text)', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./?lesson=pod-create&lang=en&theme=projector&step=5');
  await expect(page.locator('.timeline-marker')).toHaveCount(8);
  const { violations } = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
  expect(
    violations.map((v) => v.id),
    listViolations(violations),
  ).toEqual([]);
});

test('axe on a guided lesson with the lab panel open, and on the embed example page', async ({ page }) => {
  // Four full axe passes over two pages.
  test.setTimeout(60_000);
  await page.goto('./?lesson=kubelet-stop&lang=ko');
  await expect(page.getByRole('tab', { name: '터미널' })).toBeVisible();
  for (const tab of ['장애', '살펴보기', '터미널']) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => v.id),
      listViolations(serious),
    ).toEqual([]);
  }
  await page.goto('./embed-example.html');
  await page.waitForTimeout(1500);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => v.id),
    listViolations(serious),
  ).toEqual([]);
});
