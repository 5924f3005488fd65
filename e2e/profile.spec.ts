import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

// Issue 18: ?profile=1.36 opens the book's second edition's lab (Kubernetes 1.36.0,
// containerd, Ubuntu 24.04, the control plane named cp-k8s), in Korean and in English.

const words = {
  en: {
    api: '1 API server (cp-k8s)',
    terminal: 'Terminal',
    box: 'Terminal, cp-k8s',
    log: 'Terminal output, cp-k8s',
    end: 'Go to the end',
  },
  ko: {
    api: '1 API 서버 (cp-k8s)',
    terminal: '터미널',
    box: '터미널, cp-k8s',
    log: '터미널 출력, cp-k8s',
    end: '끝으로',
  },
} as const;

async function openAtEnd(page: Page, lang: 'en' | 'ko') {
  await page.goto(`./?lesson=pod-create&lang=${lang}&profile=1.36`);
  await expect(page.locator('.timeline-marker')).toHaveCount(8);
  await page.getByRole('button', { name: words[lang].end }).click();
}

for (const lang of ['en', 'ko'] as const) {
  test(`profile=1.36 (${lang}): cp-k8s on the diagram, its Ubuntu prompt, and kubectl get nodes as 1.36 prints it`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const w = words[lang];
    await openAtEnd(page, lang);
    await expect(page.getByRole('group', { name: w.api, exact: true })).toBeVisible();
    await expect(page.getByRole('group', { name: /m-k8s/ })).toHaveCount(0);
    await page.getByRole('tab', { name: w.terminal, exact: true }).click();
    await page.getByRole('tab', { name: 'cp-k8s', exact: true }).click();
    const box = page.getByRole('textbox', { name: w.box });
    await expect(page.locator('#lab-panel-terminal')).toContainText('root@cp-k8s:~#');
    await box.fill('kubectl get nodes');
    await box.press('Enter');
    const log = page.getByRole('log', { name: w.log });
    await expect(log).toContainText('root@cp-k8s:~# kubectl get nodes', { timeout: 20_000 });
    await expect(log).toContainText(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/, { timeout: 20_000 });
    await expect(log).toContainText(/cp-k8s\s+Ready\s+control-plane\s+\S+\s+v1\.36\.0/);
    await expect(log).toContainText(/w2-k8s\s+Ready\s+<none>\s+\S+\s+v1\.36\.0/);
    // The link keeps the profile, so a shared URL reopens the same lab.
    await expect(page).toHaveURL(/profile=1\.36/);
    expect(errors).toEqual([]);
  });
}

test('Share keeps the profile in the link and in both snippets', async ({ page }) => {
  await page.goto('./?lesson=pod-create&lang=en&profile=1.36&step=3');
  await expect(page.locator('.timeline-marker')).toHaveCount(8);
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this moment' });
  await expect(dialog.getByRole('textbox', { name: 'Link to this step' })).toHaveValue(/[?&]profile=1\.36/);
  await expect(dialog.getByRole('textbox', { name: 'Embed as an iframe' })).toHaveValue(/profile=1\.36/);
  await expect(dialog.getByRole('textbox', { name: 'Embed as an element' })).toHaveValue(/ profile="1\.36"/);
});

test('a bad profile gives a short notice and the book as printed (1.18, m-k8s)', async ({ page }) => {
  await page.goto('./?lesson=pod-create&lang=en&profile=2.0');
  await expect(page.locator('.timeline-marker')).toHaveCount(8);
  await expect(page.getByRole('status')).toContainText('profile="2.0"');
  await expect(page.getByRole('group', { name: '1 API server (m-k8s)', exact: true })).toBeVisible();
  await expect(page).not.toHaveURL(/profile=/);
});

test('the element’s profile attribute: run() on its master by default prints the 1.36 nodes', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto('./embed-example.html');
  await page.waitForFunction(() => customElements.get('pod-lifecycle-animator') !== undefined);
  const out = await page.evaluate(() => {
    const el = document.createElement('pod-lifecycle-animator');
    el.setAttribute('lesson', 'pod-create');
    el.setAttribute('lang', 'en');
    el.setAttribute('profile', '1.36');
    el.setAttribute('poster', 'none');
    document.body.append(el);
    return (el as unknown as { run(l: string): Promise<string> }).run('kubectl get nodes');
  });
  expect(out).toMatch(/^cp-k8s\s+Ready\s+control-plane\s+\S+\s+v1\.36\.0$/m);
  expect(out).not.toContain('m-k8s');
});

test('profile=1.36 before the app has loaded: the poster draws cp-k8s, then the app takes over', async ({
  page,
}) => {
  // The app's chunk is held back until the poster has been seen.
  let release = () => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  await page.route(/\/assets\/App-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./?profile=1.36&lang=en');
  const loading = page.getByRole('status').filter({ hasText: 'Loading the lab…' });
  await expect(loading).toBeVisible();
  await expect(page.getByRole('group', { name: '1 API server (cp-k8s)', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: /m-k8s/ })).toHaveCount(0);
  await expect(loading).toBeVisible();
  release();
  await expect(loading).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByRole('group', { name: '1 API server (cp-k8s)', exact: true })).toBeVisible();
});

test('profile=1.36: the runtime’s menu stops containerd, and systemctl on w2-k8s says it is inactive', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await openAtEnd(page, 'en');
  const runtime = page.getByRole('group', { name: '6 container runtime (w2-k8s)', exact: true });
  await runtime.click();
  await expect(page.getByRole('menuitem', { name: /docker/ })).toHaveCount(0);
  await page.getByRole('menuitem', { name: 'Stop the container runtime (containerd) on w2-k8s' }).click();
  await expect(runtime).toContainText('stopped', { timeout: 15_000 });
  await page.getByRole('tab', { name: 'Terminal', exact: true }).click();
  await page.getByRole('tab', { name: 'w2-k8s', exact: true }).click();
  const box = page.getByRole('textbox', { name: 'Terminal, w2-k8s' });
  await box.fill('systemctl is-active containerd');
  await box.press('Enter');
  const log = page.getByRole('log', { name: 'Terminal output, w2-k8s' });
  await expect(log).toContainText(/is-active containerd\s*inactive/, { timeout: 20_000 });
});

test('profile=1.36, typed in the middle of the tour: the system pods and kubeadm are the second edition’s, after a reload too', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('./?lesson=pod-create&lang=en&profile=1.36');
  await expect(page.locator('.timeline-marker')).toHaveCount(8);
  const narration = page.getByRole('region', { name: 'Narration' });
  for (let i = 0; i < 2; i++) await page.keyboard.press('PageDown');
  await expect(narration).toContainText('Step 2 of 8');
  const type = async (line: string) => {
    await page.getByRole('tab', { name: 'Terminal', exact: true }).click();
    await page.getByRole('tab', { name: 'cp-k8s', exact: true }).click();
    const box = page.getByRole('textbox', { name: 'Terminal, cp-k8s' });
    await box.fill(line);
    await box.press('Enter');
  };
  const log = page.getByRole('log', { name: 'Terminal output, cp-k8s' });
  // The tour's `kubectl create` still waits for its answer in this tab: bash runs the line after it,
  // once the tour goes on.
  await type('kubectl get pods -n kube-system');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
  await expect(narration).toContainText('Step 6 of 8');
  await page.getByRole('tab', { name: 'Terminal', exact: true }).click();
  await page.getByRole('tab', { name: 'cp-k8s', exact: true }).click();
  await expect(log).toContainText(/coredns-589f44dc88-\w{5}\s+1\/1\s+Running/, { timeout: 20_000 });
  await expect(log).not.toContainText('66bff467f8');
  await type('kubeadm version');
  await expect(log).toContainText(
    'GitVersion:"v1.36.0", GitCommit:"ecf6decece6a6de25a57aad9ba90b6ce580f6f78"',
    {
      timeout: 20_000,
    },
  );
  // The shared URL reopens the same lab.
  await page.reload();
  await expect(page.locator('.timeline-marker')).toHaveCount(8);
  await page.getByRole('button', { name: 'Go to the end' }).click();
  await type('kubectl describe pod nginx-pod');
  await expect(log).toContainText(
    /Mounts:\s+\/var\/run\/secrets\/kubernetes\.io\/serviceaccount from kube-api-access-\w{5} \(ro\)/,
    {
      timeout: 20_000,
    },
  );
  await expect(log).toContainText(
    /Type:\s+Projected \(a volume that contains injected data from multiple sources\)/,
  );
  await expect(log).toContainText(/Image ID:\s+docker\.io\/library\/nginx@sha256:[0-9a-f]{64}/);
  expect(errors).toEqual([]);
});
