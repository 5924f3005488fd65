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
