import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

/** Opens Podscope and waits, as a person would, until the lesson's eight steps are on the timeline. */
async function open(page: Page, query: string) {
  await page.goto(`./${query}`);
  await expect(page.locator('.narration-title')).toBeVisible();
  await expect(page.locator('.timeline-marker')).toHaveCount(8);
}

// The English titles of the book's eight steps, as the narration shows them.
const titles = [
  'Request a pod',
  'Record every update in etcd, and hear back that it is written',
  'Watch for new pods; create the pods',
  'Watch for pods without a node; schedule them onto a worker',
  'Watch that new pods belong to the node; report their state',
  'Run the pod',
  'Create the container',
  'The pod is usable',
];

const numbered = [
  '0 kubectl (m-k8s)',
  '1 API server (m-k8s)',
  '2 etcd (m-k8s)',
  '3 controller manager (m-k8s)',
  '4 scheduler (m-k8s)',
  '5 kubelet (w2-k8s)',
  '6 container runtime (w2-k8s)',
  '7 pods (w2-k8s)',
  '11 network plugin (Calico)',
  '12 CoreDNS',
];

test('shows the ten numbered components by their accessible names', async ({ page }) => {
  await open(page, '?lesson=pod-create&lang=en');
  for (const name of numbered) await expect(page.getByRole('group', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'kube-proxy (w2-k8s)', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: '5 kubelet (w1-k8s)', exact: true })).toBeVisible();
});

test('steps through the eight steps with the keyboard, narration and URL following', async ({ page }) => {
  await open(page, '?lesson=pod-create&lang=en');
  const narration = page.getByRole('region', { name: 'Narration' });
  await expect(narration.getByRole('heading')).toHaveText('The lab, ready');
  for (let n = 1; n <= 8; n++) {
    await page.keyboard.press(n % 2 ? 'ArrowRight' : 'PageDown');
    await expect(narration.getByRole('heading')).toHaveText(titles[n - 1] as string);
    await expect(narration).toContainText(`Step ${n} of 8`);
    await expect(page).toHaveURL(new RegExp(`[?&]step=${n}(&|$)`));
  }
  await expect(narration.locator('[aria-live="polite"]')).toContainText('Running');
  // The book simplifies step 5; the narration says what really happens.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/step=5/);
  await expect(narration.getByRole('complementary', { name: 'How it really works' })).toContainText(
    'the scheduler never talks to the kubelet',
  );
  await expect(narration).toContainText('Acting: 1 API server (m-k8s), 5 kubelet (w2-k8s)');
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(/step=0/);
});

test('a link reproduces the step; the pod is there as it was at that step', async ({ page }) => {
  await open(page, '?lesson=pod-create&lang=en&step=5');
  const pods = page.getByRole('group', { name: '7 pods (w2-k8s)', exact: true });
  await expect(pods).toContainText('nginx-pod');
  await expect(pods).toContainText('Pending');
  await expect(page.getByRole('region', { name: 'Commands on m-k8s' })).toContainText(
    '[root@m-k8s ~]# kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml',
  );
  await expect(page.getByRole('region', { name: 'Commands on m-k8s' })).toContainText(
    'pod/nginx-pod created',
  );
  await page.keyboard.press('End');
  await expect(pods).toContainText('Running');
  await expect(page).toHaveURL(/step=8/);
});

test('switches view and language without losing the place', async ({ page }) => {
  await open(page, '?lesson=pod-create&lang=en&step=4');
  await page.getByRole('button', { name: 'Watch view' }).click();
  await expect(page.getByRole('button', { name: 'Watch view' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/view=watch/);
  await expect(page).toHaveURL(/step=4/);
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page).toHaveURL(/lang=ko/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('group', { name: '1 API 서버 (m-k8s)', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: '11 네트워크 플러그인 (Calico)', exact: true })).toBeVisible();
  const narration = page.getByRole('region', { name: '설명' });
  await expect(narration).toContainText('스케줄러');
  await expect(narration).toContainText('8단계 중 4단계');
  await page.keyboard.press('v');
  await expect(page).not.toHaveURL(/view=watch/);
  await expect(page.getByRole('button', { name: '책 보기' })).toHaveAttribute('aria-pressed', 'true');
});

test('dragging the timeline back shows the cluster as it was then', async ({ page }) => {
  await open(page, '?lesson=pod-create&lang=en');
  await page.keyboard.press('End');
  const pods = page.getByRole('group', { name: '7 pods (w2-k8s)', exact: true });
  await expect(pods).toContainText('Running');
  const slider = page.getByRole('slider', { name: 'Timeline' });
  const box = await slider.boundingBox();
  if (!box) throw new Error('no timeline');
  const y = box.y + 4;
  await page.mouse.move(box.x + box.width - 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, y, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.05, y, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/step=0/);
  await expect(slider).toHaveAttribute('aria-valuetext', /Before step 1/);
  await expect(pods).not.toContainText('nginx-pod');
  await expect(page.getByRole('region', { name: 'Narration' }).getByRole('heading')).toHaveText(
    'The lab, ready',
  );
  // And forward again, by the step marker.
  await page.getByRole('button', { name: /^Step 7:/ }).click();
  await expect(page).toHaveURL(/step=7/);
  await expect(pods).toContainText('nginx-pod');
});

test('a bad URL value gives a short notice and its default', async ({ page }) => {
  await open(page, '?lesson=pod-create&lang=en&speed=9&theme=neon');
  await expect(page.getByRole('status')).toContainText('speed="9"');
  await expect(page.getByRole('status')).toContainText('theme="neon"');
  await expect(page.getByRole('group', { name: '1 API server (m-k8s)', exact: true })).toBeVisible();
  await expect(page).not.toHaveURL(/speed=9|neon/);
});

test('without lang, the browser language decides', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  await open(page, '?lesson=pod-create');
  await expect(page.getByRole('group', { name: '2 etcd (m-k8s)', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: '3 컨트롤러 매니저 (m-k8s)', exact: true })).toBeVisible();
  await expect(page).toHaveURL(/lang=ko/);
  await context.close();
});

test('? opens the keyboard help, Escape closes it; play and pause are labelled buttons', async ({ page }) => {
  await open(page, '?lesson=pod-create&lang=en');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('PageUp');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page).toHaveURL(/step=[1-8]/, { timeout: 10_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('fits a 360 px wide screen', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await open(page, '?lesson=pod-create&lang=en&step=6');
  for (const name of numbered) await expect(page.getByRole('group', { name, exact: true })).toBeVisible();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(360);
  await page.screenshot({ path: 'test-results/screen-360.png', fullPage: true });
  await page.close();
});

test('under prefers-reduced-motion a message is a lit arrow, and stepping still works', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page, '?lesson=pod-create&lang=en');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/step=1/);
  await expect(page.locator('.token .flight').first()).toBeVisible();
});

for (const theme of ['light', 'dark', 'projector'] as const) {
  test(`theme ${theme}: screenshot`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await open(page, `?lesson=pod-create&lang=en&step=5&theme=${theme}`);
    await expect(page.getByRole('group', { name: '5 kubelet (w2-k8s)', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.keyboard.press('Space');
    await page.waitForTimeout(400);
    await page.screenshot({ path: `test-results/theme-${theme}.png` });
  });
}

test('presenter mode: chrome hidden, narration large, the next step only when the teacher advances', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page, '?lesson=pod-create&lang=ko&step=3');
  await page.keyboard.press('p');
  await expect(page).toHaveURL(/presenter=1/);
  await expect(page.getByRole('button', { name: '재생' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Podscope' })).toBeHidden();
  // Space plays this step to its end and stops there: the narration stays on step 3.
  await page.keyboard.press('Space');
  await page.waitForTimeout(1500);
  await expect(page).toHaveURL(/step=3/);
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL(/step=4/);
  await expect(page.getByRole('region', { name: '설명' })).toContainText('스케줄러');
  await page.screenshot({ path: 'test-results/presenter.png' });
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/presenter/);
  await expect(page.getByRole('heading', { name: 'Podscope' })).toBeVisible();
});

test('watch view: every message goes through the API server', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page, '?lesson=pod-create&lang=en&view=watch&step=5&speed=0.25');
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('0.25');
  await expect(page.getByText('watch event: the API server tells its watchers')).toBeVisible();
  await page.keyboard.press('.');
  await page.screenshot({ path: 'test-results/watch-view.png' });
  await expect(page).toHaveURL(/view=watch/);
  await expect(page).toHaveURL(/speed=0.25/);
});

test('fits a 4K projector', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
  await open(page, '?lesson=pod-create&lang=ko&step=7&theme=projector');
  await expect(page.getByRole('group', { name: '6 컨테이너 런타임 (w2-k8s)', exact: true })).toBeVisible();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(3840);
  await page.screenshot({ path: 'test-results/screen-4k.png' });
  await page.close();
});

test('a step marker can be dragged along the timeline', async ({ page }) => {
  await open(page, '?lesson=pod-create&lang=en');
  // Step 1's marker dragged to the end: a click would have gone to step 1.
  const marker = page.getByRole('button', { name: /^Step 1:/ });
  const slider = page.getByRole('slider', { name: 'Timeline' });
  const m = await marker.boundingBox();
  const box = await slider.boundingBox();
  if (!m || !box) throw new Error('no timeline');
  await page.mouse.move(m.x + m.width / 2, m.y + m.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, m.y + m.height / 2, { steps: 6 });
  await page.mouse.move(box.x + box.width - 3, m.y + m.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect(page).toHaveURL(/step=8/);
  await expect(page.getByRole('group', { name: '7 pods (w2-k8s)', exact: true })).toContainText('Running');
});
