// Issue 15: every word the Korean page shows is Korean, unless it is a command, a
// Kubernetes or protocol name, an identifier or a number. The page is opened in the
// states a class meets (each step of the tour, a fault in force with "why is it
// stuck?" open, a guided lesson, a teacher's bad lesson file, the help, a component's
// menu); every visible text node and accessible name is read, and any Latin word that
// is not allowed below fails the test with where it was. Terminal output and code are
// left out: they are the real tools' words.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

/**
 * Phrases that are the real tools' words wherever they appear: a command line (up to
 * the Korean that follows it), an HTTP request or status line, an etcd operation, a
 * parameter of the address as written (speed="9"), a quoted value (a key, a name from
 * the address or the lesson file).
 */
const PHRASES: readonly RegExp[] = [
  // The English term in parentheses after its Korean word, as Korean textbooks give it: 경우(bare Pod).
  /[\uac00-\ud7a3]\([A-Za-z][A-Za-z -]*\)/g,
  /\b(kubectl|systemctl|etcdctl|kubeadm|crictl|docker|curl|ping|ssh|nslookup|modprobe|journalctl|sysctl)\b[^\uac00-\ud7a3]*/g,
  /\b(GET|POST|PUT|PATCH|DELETE|WATCH) \S+/g,
  /\bHTTP\/1\.1 \d{3} [A-Z][A-Za-z ]*/g,
  /\b[1-5]\d\d [A-Z][A-Za-z]+/g,
  /\b(put|get|range|delete) \/\S+/g,
  // A message label cut to its first word on a crowded diagram: the etcd operation alone.
  /^(put|range|delete)$/g,
  /[\w-]+="[^"\n]*"/g,
  /"[^"\n]*"/g,
  /'[^'\n]*'/g,
];

/**
 * Single words allowed in Korean text: Kubernetes' and the lab's names, the pod states
 * kubectl prints, the keys of the keyboard, and the resource names of the API. Words
 * with a digit or punctuation inside (w2-k8s, pods/nginx-pod, 1/1, Ctrl+C, --wait),
 * CamelCase (NotReady, CoreDNS, ImageStatus) and capitals (API, CNI, SIGTERM) are
 * identifiers and allowed by their shape.
 */
const WORDS = new Set([
  'kubectl',
  'kubelet',
  'kubeadm',
  'etcd',
  'docker',
  'nginx',
  'iptables',
  'containerd',
  'Calico',
  'Podscope',
  // The book writes the kind as it is spelled in the API: Pod(s).
  'Pod',
  // The language switch names each language in itself, so its readers find it.
  'English',
  'Pending',
  'Running',
  'Ready',
  'Terminating',
  'Completed',
  'Error',
  'Unknown',
  'True',
  'False',
  'true',
  'false',
  'watch',
  'pod',
  'pods',
  'node',
  'nodes',
  'deployment',
  'deployments',
  'replicasets',
  'services',
  'endpoints',
  'events',
  'leases',
  'binding',
  'bindings',
  'status',
  // kubectl describe's sections and event reasons, as the narration quotes them.
  'Events',
  'Scheduled',
  'Tolerations',
  // The taint's name (node.kubernetes.io/unreachable), as the narration calls it.
  'unreachable',
  'Space',
  'Enter',
  'Tab',
  'Esc',
  'Escape',
  'Home',
  'End',
]);

function identifierLike(word: string): boolean {
  return (
    /[0-9/._:=@[\]<>#~+-]/.test(word) ||
    /^[A-Z][a-z0-9]*[A-Z]/.test(word) ||
    /^[A-Z][A-Z0-9_]+$/.test(word) ||
    /^[A-Za-z]$/.test(word) ||
    WORDS.has(word)
  );
}

/** The Latin words of a text that are none of the above. */
function foreignWords(text: string, names: readonly string[] = []): string[] {
  let rest = text;
  for (const p of PHRASES) rest = rest.replace(p, ' ');
  return rest
    .split(/[\s,;:()（）·—–…!?、。「」{}]+/)
    .map((w) => w.replace(/^[^\p{L}\d<]+|[^\p{L}\d>]+$/gu, ''))
    .filter(
      (w) => /[A-Za-z]/.test(w) && !/[\uac00-\ud7a3]/.test(w) && !identifierLike(w) && !names.includes(w),
    );
}

interface Found {
  readonly text: string;
  readonly where: string;
}

/** Every visible text node and accessible name, outside the real tools' output. */
async function pageTexts(page: Page): Promise<Found[]> {
  return page.evaluate(() => {
    const EXCLUDED =
      '[role="log"], code, pre, kbd, .term-input-line, .guided-command, .term-sample, script, style';
    const out: { text: string; where: string }[] = [];
    const placeOf = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 3; e = e.parentElement) {
        const cls = typeof e.className === 'string' && e.className ? `.${e.className.split(' ')[0]}` : '';
        parts.unshift(`${e.tagName.toLowerCase()}${cls}`);
      }
      return parts.join(' > ');
    };
    const visible = (el: Element) =>
      el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true }) && !el.closest('[hidden]');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim() ?? '';
      if (!el || text === '' || el.closest(EXCLUDED) || !visible(el)) continue;
      // A select shows only its chosen option.
      const option = el.closest('option');
      if (option && !(option as HTMLOptionElement).selected) continue;
      out.push({ text, where: placeOf(el) });
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
      if (el.closest(EXCLUDED) || !visible(el)) continue;
      for (const a of ['aria-label', 'title', 'alt', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v) out.push({ text: v, where: `${placeOf(el)} [${a}]` });
      }
    }
    return out;
  });
}

/** `names`: the Kubernetes objects the test itself created (a pod named web). */
async function expectKorean(page: Page, state: string, names: readonly string[] = []): Promise<void> {
  const texts = await pageTexts(page);
  expect(texts.length, `${state}: the page shows text`).toBeGreaterThan(10);
  const bad = texts
    .map((t) => ({ ...t, words: foreignWords(t.text, names) }))
    .filter((t) => t.words.length > 0)
    .map((t) => `${state}: ${t.words.join(' ')}  ←  "${t.text.slice(0, 120)}"  (${t.where})`);
  expect([...new Set(bad)], bad.join('\n')).toEqual([]);
}

test('the check itself: English prose fails, commands, names and numbers pass', () => {
  expect(foreignWords('revision 36')).toEqual(['revision']);
  expect(foreignWords('the lesson: missing "id"')).toEqual(['the', 'lesson', 'missing']);
  expect(foreignWords('Step done.')).toEqual(['Step', 'done']);
  expect(foreignWords('리비전 36 · 12 키')).toEqual([]);
  expect(foreignWords('kubectl get pods -o wide 로 확인하세요')).toEqual([]);
  expect(foreignWords('5 kubelet (w2-k8s) 에 일어날 일')).toEqual([]);
  expect(foreignWords('POST pods/nginx-pod/binding')).toEqual([]);
  expect(foreignWords('201 Created pods/nginx-pod')).toEqual([]);
  expect(foreignWords('nginx-pod 가 Running, w2-k8s 는 NotReady')).toEqual([]);
  expect(foreignWords('Ctrl+C 로 중단')).toEqual([]);
  expect(foreignWords('NODE 가 <none> 인 Pending')).toEqual([]);
  expect(foreignWords('직접 만든 경우(bare Pod)에는')).toEqual([]);
  expect(foreignWords('the pod (bare Pod) is gone')).toEqual(['the', 'bare', 'is', 'gone']);
  expect(foreignWords('web 생성', ['web'])).toEqual([]);
  expect(foreignWords('주소의 speed="9" 은(는) 쓸 수 없어')).toEqual([]);
});

test.describe('the Korean page has no English words', () => {
  test.describe.configure({ timeout: 120_000 });

  test('at every step of the tour', async ({ page }) => {
    await page.goto('./?lesson=pod-create&lang=ko');
    await expect(page.locator('.timeline-marker')).toHaveCount(8);
    await expectKorean(page, 'tour, before step 1');
    for (let step = 1; step <= 8; step++) {
      await page.getByRole('button', { name: '다음 단계' }).click();
      await expect(page.getByText(`8단계 중 ${step}단계`).first()).toBeVisible();
      // Messages of the step in flight carry their labels.
      await page.waitForTimeout(400);
      await expectKorean(page, `tour, step ${step}`);
    }
  });

  test('with a fault in force, its tab and "why is it stuck?" open', async ({ page }) => {
    await page.goto('./?lesson=pod-create&lang=ko');
    await expect(page.locator('.timeline-marker')).toHaveCount(8);
    await page.getByRole('button', { name: '끝으로' }).click();
    await page.getByRole('combobox', { name: '속도' }).selectOption('4');
    await page.getByRole('group', { name: '4 스케줄러 (m-k8s)', exact: true }).click();
    await page.getByRole('menuitem', { name: '스케줄러 중지' }).click();
    await expect(page.getByRole('group', { name: '4 스케줄러 (m-k8s)', exact: true })).toContainText(
      '중지됨',
      {
        timeout: 30_000,
      },
    );
    await page.getByRole('tab', { name: '터미널' }).click();
    await page.getByRole('tab', { name: 'm-k8s', exact: true }).click();
    const box = page.getByRole('textbox', { name: '터미널, m-k8s' });
    await box.fill('kubectl run web --image=nginx');
    await box.press('Enter');
    await expect(page.getByRole('log', { name: '터미널 출력, m-k8s' })).toContainText('pod/web created', {
      timeout: 20_000,
    });
    const stuck = page.getByRole('button', { name: '왜 멈춰 있나요?' });
    await expect(stuck).toBeVisible({ timeout: 30_000 });
    await stuck.click();
    await expect(page.getByText(/web: 4단계에서 멈춰 있습니다/)).toBeVisible();
    await page.getByRole('tab', { name: /^장애/ }).click();
    await expect(page.getByText('지금 걸려 있는 장애')).toBeVisible();
    await expectKorean(page, 'fault in force', ['web']);
  });

  // Every fault of the catalog in force (from a teacher's link), its story told in the Faults tab.
  const faults = [
    'kubelet@w2-k8s',
    'docker@w2-k8s',
    'br_netfilter@w2-k8s',
    'power@w2-k8s',
    'cni@w2-k8s',
    'apiserver',
    'etcd',
    'scheduler',
    'controller-manager',
    'coredns',
    'image-pull',
    'crash',
    'etcd-corrupt',
  ];
  for (const fault of faults) {
    test(`the story of ${fault}`, async ({ page }) => {
      await page.goto(`./?lesson=pod-create&lang=ko&step=8&faults=${encodeURIComponent(fault)}`);
      // In force once the lab has loaded (a broken cluster may never reach the tour's steps).
      const tab = page.getByRole('tab', { name: '장애 (1)' });
      await expect(tab).toBeVisible({ timeout: 20_000 });
      await tab.click();
      // The Faults tab's code loads when it is first opened.
      await expect(page.getByText('지금 걸려 있는 장애')).toBeVisible({ timeout: 20_000 });
      // The fault's button to heal it: the fault is in force once the lab has loaded.
      await expect(page.getByRole('tabpanel').getByRole('button', { name: /^복구/ }).first()).toBeVisible({
        timeout: 20_000,
      });
      await expectKorean(page, `fault ${fault}`);
    });
  }

  test('the menu of a component, and the help', async ({ page }) => {
    await page.goto('./?lesson=pod-create&lang=ko&step=5');
    await expect(page.locator('.timeline-marker')).toHaveCount(8);
    await page.getByRole('group', { name: '5 kubelet (w2-k8s)', exact: true }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    await expectKorean(page, 'component menu');
    await page.keyboard.press('Escape');
    await page.locator('body').press('?');
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectKorean(page, 'help');
  });

  test('a guided lesson, a step done and a prediction answered', async ({ page }) => {
    await page.goto('./?lesson=kubelet-stop&lang=ko&speed=4');
    const side = page.getByRole('region', { name: '파드 배포와 위치 확인' });
    await expect(side).toBeVisible();
    await expectKorean(page, 'guided, step 1');
    await side.getByRole('button', { name: /kubectl create -f/ }).click();
    await expect(side.getByText('이 단계를 마쳤습니다', { exact: false })).toBeVisible({ timeout: 40_000 });
    await expectKorean(page, 'guided, step 1 done');
    await side.getByRole('button', { name: '다음 단계' }).click();
    const next = page.getByRole('region', { name: 'w2-k8s 의 kubelet 중지' });
    await next.getByRole('radio', { name: '1/1 Running 그대로' }).check();
    await expect(next.getByText(/맞았습니다/)).toBeVisible();
    await expectKorean(page, 'guided, prediction answered');
  });
});

test.describe('the Korean page tells a lesson file’s errors in Korean', () => {
  // The offline worker would answer the file's fetch itself, past the route that serves it.
  test.use({ serviceWorkers: 'block' });
  test("a teacher's lesson file with mistakes, served beside the page", async ({ page }) => {
    const bad = [
      'title:',
      '  ko: 제목',
      'summary: {ko: 요약, en: Summary}',
      'steps:',
      '  - id: one',
      '    titel: {ko: a, en: b}',
      '    doneWhen: {node: w2-k8s, ready: True}',
    ].join('\n');
    await page.route('**/lessons/broken.yaml', (r) =>
      r.fulfill({ status: 200, contentType: 'text/yaml', body: bad }),
    );
    await page.goto('./?lang=ko&lesson-file=lessons/broken.yaml');
    const alert = page.getByRole('alert');
    // The lesson loader and the YAML parser are fetched first.
    await expect(alert).toContainText('레슨 파일에 오류가 있습니다', { timeout: 20_000 });
    await expect(alert).toContainText('레슨: "id" 이(가) 없습니다');
    await expect(alert).toContainText('알 수 없는 키 "titel"');
    await expectKorean(page, 'lesson file errors');
    await page.goto('./?lang=ko&lesson-file=https://example.com/x.yaml&speed=9');
    await expect(page.getByRole('alert')).toContainText('이 사이트의 경로가 아닙니다');
    await expect(page.getByRole('status').filter({ hasText: 'speed="9"' })).toBeVisible();
    await expectKorean(page, 'a refused lesson file and a bad speed');
  });
});
