import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from '@playwright/test';

// Issue 15: readable on every screen, nothing overlapping. Each size opens the tour as a
// person would, walks it with PageDown, and at every step (and with a fault in force)
// compares the bounding boxes of what is on screen: no two texts on the stage overlap,
// none is cut by its box or the stage, no control covers another; in presenter mode the
// narration and "why is it stuck?" are in the viewport; at 4K no text on the stage is
// under 24 px; axe finds no serious or critical violation at that size. The screenshots
// are kept with the run's results.

interface Size {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly query: string;
  readonly presenter?: boolean;
}

const sizes: readonly Size[] = [
  { name: 'phone', width: 390, height: 844, query: '' },
  {
    name: 'projector-720p',
    width: 1280,
    height: 720,
    query: '&presenter=1&theme=projector',
    presenter: true,
  },
  { name: 'laptop-1366', width: 1366, height: 768, query: '' },
  { name: 'desktop-1080p', width: 1920, height: 1080, query: '&theme=dark' },
  { name: 'projector-4k', width: 3840, height: 2160, query: '&presenter=1&theme=projector', presenter: true },
];

interface Found {
  readonly overlaps: string[];
  readonly clipped: string[];
  readonly controls: string[];
  readonly smallestPx: number;
}

/** Everything the checks need, read off the page in one go. */
function inspect(page: Page): Promise<Found> {
  return page.evaluate(() => {
    type R = { x: number; y: number; w: number; h: number };
    const rect = (el: Element): R => {
      const b = el.getBoundingClientRect();
      return { x: b.left, y: b.top, w: b.width, h: b.height };
    };
    // What of an element a person sees: its box cut by every scrolling or clipping box around it.
    const seen = (el: Element): R => {
      let r = rect(el);
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p);
        if (o.overflowX === 'visible' && o.overflowY === 'visible') continue;
        const c = rect(p);
        const x = Math.max(r.x, c.x);
        const y = Math.max(r.y, c.y);
        const w = Math.max(0, Math.min(r.x + r.w, c.x + c.w) - x);
        const h = Math.max(0, Math.min(r.y + r.h, c.y + c.h) - y);
        r = { x, y, w, h };
      }
      return r;
    };
    // A pixel of slack: glyphs' boxes touch where their lines meet.
    const hit = (a: R, b: R) =>
      Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 1 &&
      Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 1;
    const within = (a: R, b: R) =>
      a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.w <= b.x + b.w + 1 && a.y + a.h <= b.y + b.h + 1;
    const svg = document.querySelector('.stage-svg') as SVGSVGElement;
    const stage = rect(svg);
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    // A number inside a step's moving dot is the dot, not a label.
    const texts = [...svg.querySelectorAll('text')].filter(
      (t) => (t.textContent ?? '').trim() !== '' && !t.classList.contains('token-step') && rect(t).w > 0,
    );
    const name = (t: Element) => `"${(t.textContent ?? '').trim().slice(0, 40)}"`;
    const overlaps: string[] = [];
    const boxes = texts.map(rect);
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++)
        if (hit(boxes[i] as R, boxes[j] as R))
          overlaps.push(`${name(texts[i] as Element)} × ${name(texts[j] as Element)}`);
    const clipped: string[] = [];
    texts.forEach((t, i) => {
      const box = boxes[i] as R;
      if (!within(box, stage)) clipped.push(`${name(t)} leaves the stage`);
      const comp = t.closest('.comp')?.querySelector(':scope > .comp-box');
      if (comp && !within(box, rect(comp))) clipped.push(`${name(t)} leaves its box`);
    });
    const smallestPx = Math.min(...texts.map((t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale));
    // Controls: every visible button, select, slider and text box outside the stage; none may cover another.
    const controls = [
      ...document.querySelectorAll('button, select, input, [role="slider"], [role="tab"]'),
    ].filter(
      (c) =>
        !c.closest('.stage-svg') &&
        seen(c).w > 0 &&
        seen(c).h > 0 &&
        getComputedStyle(c).visibility !== 'hidden',
    );
    // On a phone the player bar floats at the bottom of the screen: what scrolls under it is
    // covered by it (as under any such bar), not drawn over it. Only that bar may cover a control.
    const bar = document.querySelector('.narrow .player-bar');
    const barBox = bar ? rect(bar) : undefined;
    const cboxes = controls.map((c) => {
      const r = seen(c);
      if (!bar || !barBox || bar.contains(c)) return r;
      const y = Math.min(r.y + r.h, barBox.y);
      return { ...r, h: Math.max(0, y - r.y) };
    });
    const covered: string[] = [];
    const label = (c: Element) => c.getAttribute('aria-label') ?? (c.textContent ?? '').trim().slice(0, 30);
    for (let i = 0; i < controls.length; i++)
      for (let j = i + 1; j < controls.length; j++) {
        const a = controls[i] as Element;
        const b = controls[j] as Element;
        // The step markers sit over the timeline's slider by design (a slider may not hold buttons).
        if (
          a.contains(b) ||
          b.contains(a) ||
          a.getAttribute('role') === 'slider' ||
          b.getAttribute('role') === 'slider'
        )
          continue;
        if (hit(cboxes[i] as R, cboxes[j] as R)) covered.push(`${label(a)} × ${label(b)}`);
      }
    return { overlaps, clipped, controls: covered, smallestPx };
  });
}

async function check(page: Page, size: Size, what: string, info: TestInfo) {
  const found = await inspect(page);
  await page.screenshot({ path: info.outputPath(`${size.name}-${what}.png`), fullPage: size.width < 640 });
  expect.soft(found.overlaps, `${what}: texts that overlap`).toEqual([]);
  expect.soft(found.clipped, `${what}: texts cut off`).toEqual([]);
  expect.soft(found.controls, `${what}: controls that cover each other`).toEqual([]);
  if (size.width >= 3840)
    expect.soft(found.smallestPx, `${what}: smallest text on the stage`).toBeGreaterThanOrEqual(24);
  if (size.presenter) {
    const viewport = { width: size.width, height: size.height };
    for (const region of [page.getByRole('region', { name: /^(Narration|설명)$/ })]) {
      const box = await region.boundingBox();
      expect.soft(box, `${what}: the narration is on screen`).not.toBeNull();
      if (box) {
        expect
          .soft(box.y + box.height, `${what}: the narration ends inside the viewport`)
          .toBeLessThanOrEqual(viewport.height);
        expect.soft(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      }
    }
  }
}

for (const size of sizes)
  for (const lang of ['ko', 'en'] as const) {
    test(`${size.name} (${size.width}×${size.height}), ${lang}: every step and a fault, nothing overlaps or is cut`, async ({
      page,
    }, info) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(`./?lesson=pod-create&lang=${lang}${size.query}`);
      await expect(page.locator('.timeline-marker').first()).toBeVisible({ timeout: 20_000 });
      const narration = page.getByRole('region', { name: lang === 'ko' ? '설명' : 'Narration' });
      for (let n = 1; n <= 8; n++) {
        await page.keyboard.press('PageDown');
        await expect(narration).toContainText(lang === 'ko' ? `8단계 중 ${n}단계` : `Step ${n} of 8`);
        await check(page, size, `step-${n}`, info);
        if (n === 5) {
          const { violations } = await new AxeBuilder({ page }).analyze();
          const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
          expect
            .soft(serious.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`))
            .toEqual([]);
        }
      }
      // A fault in force, as a teacher's link opens it: the node's box says so, the faults story is there.
      await page.goto(`./?lesson=pod-create&lang=${lang}${size.query}&step=5&faults=kubelet@w2-k8s`);
      await expect(page.getByRole('group', { name: /5 kubelet \(w2-k8s\)/ })).toBeVisible();
      const stuck = page.getByRole('button', { name: lang === 'ko' ? /왜 멈춰/ : /Why is it stuck/ });
      await expect(stuck).toBeVisible();
      await stuck.click();
      await check(page, size, 'fault', info);
      if (size.presenter) {
        const box = await stuck.boundingBox();
        expect(box, '"why is it stuck?" is on screen').not.toBeNull();
        if (box) expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      }
    });
  }
