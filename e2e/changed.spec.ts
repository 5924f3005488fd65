import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

// Issue 18: "What changed in 1.36" — every difference of the 1.36 profile with both values
// and its source, its script run in a lab of each profile side by side, and the page's own
// last command replayed under both. Opened from the header by keyboard or mouse.

const words = {
  en: {
    open: 'What changed in 1.36',
    close: 'Close',
    roles: /^kubectl get nodes: ROLES control-plane/,
    outputs: (line: string) => `The outputs of ${line} in both labs`,
    terminal: 'Terminal',
    box: (h: string) => `Terminal, ${h}`,
    log: (h: string) => `Terminal output, ${h}`,
    end: 'Go to the end',
    lastTyped: /^Your last command/,
    command: 'Command',
    compare: 'Compare',
    step: 'Step 3 of 8',
  },
  ko: {
    open: '1.36에서 달라진 점',
    close: '닫기',
    roles: /^kubectl get nodes: ROLES 가 control-plane/,
    outputs: (line: string) => `두 실습 환경에서 ${line} 의 출력`,
    terminal: '터미널',
    box: (h: string) => `터미널, ${h}`,
    log: (h: string) => `터미널 출력, ${h}`,
    end: '끝으로',
    lastTyped: /^마지막으로 입력한 명령/,
    command: '명령',
    compare: '비교',
    step: '8단계 중 3단계',
  },
} as const;

/** The two columns of a side-by-side: the book's lab first, the second edition's next. */
function columns(group: Locator) {
  return { book: group.getByRole('figure').nth(0), second: group.getByRole('figure').nth(1) };
}

async function openFromKeyboard(page: Page, lang: 'en' | 'ko') {
  const button = page.getByRole('button', { name: words[lang].open, exact: true });
  await expect(button).toBeEnabled({ timeout: 20_000 });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: words[lang].open });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: words[lang].open, level: 2 })).toBeVisible();
  return { button, dialog };
}

async function seeGetNodesUnderBoth(dialog: Locator, lang: 'en' | 'ko') {
  await dialog.getByText(words[lang].roles).click();
  const group = dialog.getByRole('group', { name: words[lang].outputs('kubectl get nodes') });
  const { book, second } = columns(group);
  await expect(book).toContainText(/m-k8s\s+Ready\s+master\s+29m\s+v1\.18\.4/, { timeout: 20_000 });
  await expect(second).toContainText(/cp-k8s\s+Ready\s+control-plane\s+29m\s+v1\.36\.0/, { timeout: 20_000 });
  await expect(book).toContainText('[root@m-k8s ~]# kubectl get nodes');
  await expect(second).toContainText('root@cp-k8s:~# kubectl get nodes');
  await expect(book).not.toContainText('control-plane');
  // The words that differ are marked in each column.
  await expect(second.locator('mark', { hasText: 'control-plane' })).toBeVisible();
  await expect(book.locator('mark', { hasText: /^master$/ })).toBeVisible();
  return { book, second };
}

for (const [lang, profile] of [
  ['en', undefined],
  ['en', '1.36'],
  ['ko', undefined],
] as const) {
  test(`mid-tour${profile ? ` from ?profile=${profile}` : ' from the default'} (${lang}): get nodes under both, master vs control-plane; Escape closes and the focus is back on the button`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const w = words[lang];
    await page.goto(`./?lesson=pod-create&lang=${lang}&step=3${profile ? `&profile=${profile}` : ''}`);
    await expect(page.locator('.timeline-marker')).toHaveCount(8);
    const { button, dialog } = await openFromKeyboard(page, lang);
    // Mid-tour: the moment is step 3, and the lesson's own command is compared under both.
    await expect(dialog).toContainText(w.step);
    const moment = dialog.getByRole('group', {
      name: w.outputs('kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml'),
    });
    await expect(columns(moment).book).toContainText('pod/nginx-pod created', { timeout: 20_000 });
    await expect(columns(moment).second).toContainText('pod/nginx-pod created', { timeout: 20_000 });
    // The column of the page's own lab says so.
    await expect(
      columns(moment)
        [profile === '1.36' ? 'second' : 'book'].getByRole('figure')
        .or(columns(moment)[profile === '1.36' ? 'second' : 'book']),
    ).toContainText(lang === 'ko' ? '이 페이지의 실습 환경' : 'this page’s lab');
    await seeGetNodesUnderBoth(dialog, lang);
    // The player's keys belong to the dialog while it is open: the tour stays on step 3.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    await expect(page).toHaveURL(/step=3/);
    expect(errors).toEqual([]);
  });
}

test('a command typed in the terminal, compared: the lesson’s pod deleted in both labs, each saying it its way', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const w = words.en;
  await page.goto('./?lesson=pod-create&lang=en');
  await expect(page.locator('.timeline-marker')).toHaveCount(8);
  await page.getByRole('button', { name: w.end }).click();
  await page.getByRole('tab', { name: w.terminal, exact: true }).click();
  await page.getByRole('tab', { name: 'm-k8s', exact: true }).click();
  const box = page.getByRole('textbox', { name: w.box('m-k8s') });
  await box.fill('kubectl delete pod nginx-pod');
  await box.press('Enter');
  await expect(page.getByRole('log', { name: w.log('m-k8s') })).toContainText('pod "nginx-pod" deleted', {
    timeout: 30_000,
  });
  const { dialog } = await openFromKeyboard(page, 'en');
  await expect(dialog.getByRole('button', { name: w.lastTyped })).toHaveAttribute('aria-pressed', 'true');
  const group = dialog.getByRole('group', { name: w.outputs('kubectl delete pod nginx-pod') });
  const { book, second } = columns(group);
  await expect(book).toContainText(/^pod "nginx-pod" deleted$/m, { timeout: 30_000 });
  await expect(second).toContainText('pod "nginx-pod" deleted from default namespace', { timeout: 30_000 });
  await expect(second).toContainText('root@cp-k8s:~# kubectl delete pod nginx-pod');
  // Another command, typed in the view, at the same moment: a file only one of the labs has.
  await dialog.getByRole('textbox', { name: w.command }).fill('cat /etc/os-release');
  await dialog.getByRole('button', { name: w.compare, exact: true }).click();
  const os = columns(dialog.getByRole('group', { name: w.outputs('cat /etc/os-release') }));
  await expect(os.second).toContainText('PRETTY_NAME="Ubuntu 24.04.4 LTS"', { timeout: 20_000 });
  await expect(os.book).toContainText('cat: /etc/os-release: No such file or directory');
  // axe on the open dialog: nothing serious.
  const { violations } = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(
    violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);
  await dialog.getByRole('button', { name: w.close, exact: true }).click();
  await expect(dialog).toBeHidden();
});

test('on a phone the two labs are stacked, each readable, the dialog inside the screen (Korean)', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto('./?lesson=pod-create&lang=ko&profile=1.36&step=5');
  await expect(page.locator('.timeline-marker')).toHaveCount(8);
  const button = page.getByRole('button', { name: words.ko.open, exact: true });
  await expect(button).toBeEnabled({ timeout: 20_000 });
  await button.tap();
  const dialog = page.getByRole('dialog', { name: words.ko.open });
  await expect(dialog).toBeVisible();
  const { book, second } = await seeGetNodesUnderBoth(dialog, 'ko');
  const a = await book.boundingBox();
  const b = await second.boundingBox();
  expect(a && b).toBeTruthy();
  if (!a || !b) return;
  // One under the other, each the dialog's width.
  expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
  expect(Math.abs(a.x - b.x)).toBeLessThan(2);
  expect(a.width).toBeGreaterThan(300);
  const box = await dialog.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  // The Korean words of a difference, and its source as written.
  await expect(dialog).toContainText('컨트롤 플레인 노드의 이름이 cp-k8s 입니다');
  await expect(dialog).toContainText('출처');
  await dialog.getByRole('button', { name: words.ko.close, exact: true }).tap();
  await expect(dialog).toBeHidden();
  await context.close();
});

test.describe('without the offline worker, whose cache would answer for the network', () => {
  test.use({ serviceWorkers: 'block' });
  test('the comparisons run off the page’s thread, and on it when the worker’s script cannot be fetched', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    // First with the worker: the runs are made in it.
    await page.goto('./?lesson=pod-create&lang=en&step=3');
    await expect(page.locator('.timeline-marker')).toHaveCount(8);
    let { dialog } = await openFromKeyboard(page, 'en');
    await seeGetNodesUnderBoth(dialog, 'en');
    expect(workers.filter((u) => /changed\.worker/.test(u))).toHaveLength(1);
    // Then as on a flaky classroom network that lost the worker's file: the same outputs.
    const lost: string[] = [];
    page.on('requestfailed', (r) => lost.push(r.url()));
    await page.route(/changed\.worker[^/]*\.(js|ts)(\?.*)?$/, (route) => route.abort());
    await page.reload();
    await expect(page.locator('.timeline-marker')).toHaveCount(8);
    ({ dialog } = await openFromKeyboard(page, 'en'));
    // The moment's comparison, asked of the worker before its load failed; a difference's, asked after.
    const moment = columns(
      dialog.getByRole('group', {
        name: words.en.outputs('kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml'),
      }),
    );
    await expect(moment.book).toContainText('pod/nginx-pod created', { timeout: 20_000 });
    await expect(moment.second).toContainText('pod/nginx-pod created', { timeout: 20_000 });
    await seeGetNodesUnderBoth(dialog, 'en');
    expect(lost.filter((u) => /changed\.worker/.test(u)).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
