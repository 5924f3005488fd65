import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

// Issue 11: the story follows the cluster. A person types and breaks things in the middle
// of the tour, scrubs back and shares the link; the narration, the diagram, the terminal
// and the Faults tab tell one truth at the moment on screen.

const words = {
  en: {
    narration: 'Narration',
    step: (n: number) => `Step ${n} of 8`,
    terminal: (h: string) => `Terminal, ${h}`,
    output: (h: string) => `Terminal output, ${h}`,
    kubelet: '5 kubelet (w2-k8s)',
    stopKubelet: 'Stop the kubelet on w2-k8s',
    blocked: 'Step 5 cannot happen now',
    notReady: 'w2-k8s: NotReady',
    nothingNext: 'Nothing more happens unless you act',
    rewound: 'rewound',
    time: /cluster time ([\d.]+) s/,
  },
  ko: {
    narration: '설명',
    step: (n: number) => `8단계 중 ${n}단계`,
    terminal: (h: string) => `터미널, ${h}`,
    output: (h: string) => `터미널 출력, ${h}`,
    kubelet: '5 kubelet (w2-k8s)',
    stopKubelet: 'kubelet 중지 (w2-k8s)',
    blocked: '지금은 5단계가 일어날 수 없습니다',
    notReady: 'w2-k8s: NotReady',
    nothingNext: '직접 무언가를 하지 않으면 더 일어날 일이 없습니다',
    rewound: '되돌아가',
    time: /클러스터 시간 ([\d.]+)초/,
  },
} as const;

type Lang = keyof typeof words;

async function clusterSeconds(page: Page, lang: Lang): Promise<number> {
  const text = (await page.getByRole('slider').first().getAttribute('aria-valuetext')) ?? '';
  const m = words[lang].time.exec(text);
  return m ? Number(m[1]) : Number.NaN;
}

async function typeIn(page: Page, lang: Lang, host: string, line: string) {
  await page.getByRole('tab', { name: host, exact: true }).click();
  const box = page.getByRole('textbox', { name: words[lang].terminal(host) });
  await box.fill(line);
  await box.press('Enter');
}

for (const lang of ['en', 'ko'] as const) {
  const w = words[lang];

  test(`${lang}: a read-only command typed at step 3 leaves the tour as it was`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`./?lesson=pod-create&lang=${lang}`);
    await expect(page.locator('.timeline-marker')).toHaveCount(8);
    const narration = page.getByRole('region', { name: w.narration });
    for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
    await expect(narration).toContainText(w.step(3));
    // The lesson's `kubectl create` still waits for its answer in that tab: bash runs the line after it.
    await typeIn(page, lang, 'm-k8s', 'kubectl get pods');
    await page.waitForTimeout(500);
    // The later steps are still on the timeline, the clock did not run away, the narration stayed.
    await expect(page.locator('.timeline-marker')).toHaveCount(8);
    await expect(narration).toContainText(w.step(3));
    expect(await clusterSeconds(page, lang)).toBeLessThan(2);
    // Nobody rewound anything of theirs: no tab says the future was replaced.
    for (const host of ['m-k8s', 'w1-k8s', 'w2-k8s', 'w3-k8s']) {
      await page.getByRole('tab', { name: host, exact: true }).click();
      await expect(page.getByRole('log', { name: w.output(host) })).not.toContainText(w.rewound);
    }
    // PageDown goes on to step 4, as if nothing had been typed.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('PageDown');
    await expect(narration).toContainText(w.step(4));
    await page.keyboard.press('PageDown');
    await expect(narration).toContainText(w.step(5));
    // Its answer comes a few milliseconds into step 6, and is shown from then on.
    await page.keyboard.press('PageDown');
    await expect(narration).toContainText(w.step(6));
    await page.getByRole('tab', { name: 'm-k8s', exact: true }).click();
    await expect(page.getByRole('log', { name: w.output('m-k8s') })).toContainText(
      /nginx-pod\s+0\/1\s+Pending/,
      {
        timeout: 10_000,
      },
    );
    await expect(page.locator('.timeline-marker')).toHaveCount(8);
    expect(errors).toEqual([]);
  });

  test(`${lang}: the kubelet stopped at step 4 — the narration says what happens instead, PageDown follows it`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await page.goto(`./?lesson=pod-create&lang=${lang}&theme=projector`);
    await expect(page.locator('.timeline-marker')).toHaveCount(8);
    const narration = page.getByRole('region', { name: w.narration });
    for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
    await expect(narration).toContainText(w.step(4));
    await page.getByRole('group', { name: w.kubelet, exact: true }).click();
    await page.getByRole('menuitem', { name: w.stopKubelet }).click();
    // Where the tour cannot go on, it says so and why, and what comes next and when.
    await expect(narration).toContainText(w.blocked, { timeout: 10_000 });
    // The kubelet never takes the pod: the tour stays at step 4.
    await expect(narration).toContainText(w.step(4));
    // While it is still looking ahead it says so; it never claims that nothing comes.
    await expect(narration).not.toContainText(w.nothingNext);
    // Looking ahead takes a slice of each frame: on a busy machine, some seconds.
    await expect(narration).toContainText(w.notReady, { timeout: 15_000 });
    const before = await clusterSeconds(page, lang);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('PageDown');
    // The next thing that happens: the node lifecycle controller's NotReady, 40 s after the last report.
    await expect(narration.getByText(w.notReady).first()).toBeVisible();
    const at = await clusterSeconds(page, lang);
    expect(at - before).toBeGreaterThan(30);
    expect(at - before).toBeLessThan(60);
    // The diagram says it too, as kubectl would.
    await expect(page.getByRole('group', { name: /w2-k8s: NotReady/ })).toBeVisible();
    await expect(narration).toContainText(w.step(4));
  });
}

test('scrubbing back shows the terminal, the Faults tab and the diagram as they were; a shared link reopens the session', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await page.goto('./?lesson=pod-create&lang=en');
  await expect(page.locator('.timeline-marker')).toHaveCount(8);
  await page.getByRole('button', { name: 'Go to the end' }).click();
  await typeIn(page, 'en', 'w2-k8s', 'systemctl stop kubelet');
  const kubelet = page.getByRole('group', { name: '5 kubelet (w2-k8s)', exact: true });
  await expect(kubelet).toContainText('stopped', { timeout: 20_000 });
  // A typed `systemctl stop kubelet` is a fault in force like one from the menu.
  await expect(page.getByRole('tab', { name: 'Faults (1)' })).toBeVisible();
  await page.getByRole('button', { name: 'Pause' }).click();
  const shared = page.url();
  expect(shared).toContain('inputs=');
  expect(shared).toContain('faults=kubelet%40w2-k8s');

  // Back to the start: nothing of it has happened yet.
  await page.getByRole('button', { name: 'Restart' }).click();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(kubelet).toContainText('running');
  await expect(page.getByRole('tab', { name: 'Faults', exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'w2-k8s', exact: true }).click();
  await expect(page.getByRole('log', { name: 'Terminal output, w2-k8s' })).not.toContainText(
    'systemctl stop kubelet',
  );
  await page.getByRole('tab', { name: 'Faults', exact: true }).click();
  await expect(page.getByText(/^No fault in force\./)).toBeVisible();

  // The shared link opens the same cluster at the same moment.
  const other = await context.newPage();
  await other.goto(shared);
  await expect(other.getByRole('tab', { name: 'Faults (1)' })).toBeVisible({ timeout: 20_000 });
  await expect(other.getByRole('group', { name: '5 kubelet (w2-k8s)', exact: true })).toContainText(
    'stopped',
  );
  await other.getByRole('tab', { name: 'w2-k8s', exact: true }).click();
  await expect(other.getByRole('log', { name: 'Terminal output, w2-k8s' })).toContainText(
    'systemctl stop kubelet',
  );
});

test('kubectl explain typed at step 6 answers as kubectl 1.18 does, and the tour goes on', async ({
  page,
}) => {
  await page.goto('./?lesson=pod-create&lang=en');
  await expect(page.locator('.timeline-marker')).toHaveCount(8);
  const narration = page.getByRole('region', { name: words.en.narration });
  for (let i = 0; i < 6; i++) await page.keyboard.press('PageDown');
  await expect(narration).toContainText(words.en.step(6));
  await typeIn(page, 'en', 'm-k8s', 'kubectl explain pod.spec.nodeName');
  const log = page.getByRole('log', { name: words.en.output('m-k8s') });
  await expect(log).toContainText('FIELD:    nodeName <string>', { timeout: 10_000 });
  await expect(log).toContainText('NodeName is a request to schedule this pod onto a specific node.');
  await typeIn(page, 'en', 'm-k8s', 'kubectl explain pod.spec.nope');
  await expect(log).toContainText('error: field "nope" does not exist');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('PageDown');
  await expect(narration).toContainText(words.en.step(7));
});

test('kubectl cluster-info typed at step 3 is drawn in its colours, with no escape codes shown', async ({
  page,
}) => {
  await page.goto('./?lesson=pod-create&lang=en');
  await expect(page.locator('.timeline-marker')).toHaveCount(8);
  const narration = page.getByRole('region', { name: words.en.narration });
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
  await expect(narration).toContainText(words.en.step(3));
  await typeIn(page, 'en', 'm-k8s', 'kubectl cluster-info');
  // Its answer comes from the API server, so cluster time must run: the next step.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('PageDown');
  await expect(narration).toContainText(words.en.step(4));
  const log = page.getByRole('log', { name: words.en.output('m-k8s') });
  await expect(log).toContainText('Kubernetes master is running at https://192.168.1.10:6443', {
    timeout: 10_000,
  });
  await expect(log).not.toContainText('[0;');
  // go-colortext's green name and yellow address, as a real terminal shows them.
  const name = log.getByText('Kubernetes master', { exact: true });
  await expect(name).toHaveCSS('color', 'rgb(126, 231, 135)');
  await expect(log.getByText('https://192.168.1.10:6443', { exact: true })).toHaveCSS(
    'color',
    'rgb(227, 179, 65)',
  );
});
