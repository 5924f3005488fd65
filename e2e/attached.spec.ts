import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { HOW_TO_GET_120, KUBECTL_120 } from '../src/api/testing/kubectlBinaries';
import type { NpmRunApi } from './liveHelpers';
import { startNpmRunApi } from './liveHelpers';

// Issue 17: the page served by `npm run api` at /podscope/ is attached to that server's lab.
// Real kubectl 1.20.2 creates nginx-pod.yaml against the server; the page draws kubectl's
// request to the API server and the book's steps that follow, as they arrive. A fault
// injected from the page's palette runs on the server's lab, so real kubectl sees the node
// NotReady. At 1280x720 and on a phone; a reload attaches again to the same cluster.

const NGINX_POD = `apiVersion: v1
kind: Pod
metadata:
  name: nginx-pod
spec:
  containers:
  - name: container-name
    image: nginx
`;

let api: NpmRunApi;
let dir = '';
let kubeconfig = '';
let origin = '';

const kubectl = (...args: string[]) =>
  new Promise<string>((resolve) =>
    execFile(KUBECTL_120, ['--kubeconfig', kubeconfig, ...args], (_e, out, err) => resolve(`${out}${err}`)),
  );

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(60_000);
  if (!existsSync(KUBECTL_120)) throw new Error(HOW_TO_GET_120);
  expect(execFileSync(KUBECTL_120, ['version', '--client', '--short']).toString()).toContain('v1.20.2');
  expect(existsSync(join(process.cwd(), 'dist', 'index.html')), 'npm run build first').toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'podscope-attached-'));
  kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(join(dir, 'nginx-pod.yaml'), NGINX_POD);
  api = await startNpmRunApi(['--port', '0', '--speed', '4', '--quiet', '--kubeconfig', kubeconfig]);
  const page = /the page, attached to this lab: (http:\/\/\S+)\/podscope\//.exec(api.stdout());
  expect(page, api.stdout()).not.toBeNull();
  origin = page?.[1] ?? '';
});

test.afterAll(() => {
  api?.stop();
});

async function attach(page: Page) {
  await page.goto(`${origin}/podscope/?lang=en`);
  await expect(page.getByRole('status', { name: 'npm run api' })).toContainText(
    `Attached to npm run api at ${origin}`,
  );
}

test('real kubectl create -f nginx-pod.yaml is drawn on the book’s steps; a fault from the palette makes real kubectl see NotReady; a reload attaches again', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await attach(page);
  for (const n of ['0 kubectl (m-k8s)', '1 API server (m-k8s)', '5 kubelet (w2-k8s)'])
    await expect(page.getByRole('group', { name: n, exact: true })).toBeVisible();

  expect(await kubectl('create', '-f', join(dir, 'nginx-pod.yaml'))).toBe('pod/nginx-pod created\n');
  const narration = page.getByRole('region', { name: 'Narration' });
  // The page follows the server's clock: the book's steps play as the lab takes them.
  await expect(narration).toContainText(/Step [2-8] of 8/, { timeout: 15_000 });
  await expect(narration).toContainText('Step 8 of 8', { timeout: 60_000 });
  const pods = page.getByRole('group', { name: /^7 pods \(w\d-k8s\)$/ }).filter({ hasText: 'nginx-pod' });
  await expect(pods).toContainText('Running');
  const node = /\((w\d-k8s)\)/.exec((await pods.getAttribute('aria-label')) ?? '')?.[1] ?? '';
  expect(await kubectl('get', 'pod', 'nginx-pod', '-o', 'jsonpath={.spec.nodeName}')).toBe(node);
  await page.screenshot({ path: 'test-results/attached-1280.png' });

  // Scrubbing back works as on any page: step 1 is real kubectl's POST, drawn from kubectl to the API server.
  for (let i = 0; i < 8; i++) {
    if ((await narration.getByRole('heading').textContent()) === 'Request a pod') break;
    await page.keyboard.press('ArrowLeft');
  }
  await expect(narration.getByRole('heading')).toHaveText('Request a pod');
  await expect(narration).toContainText(
    'Exchanged: kubectl → API server: POST /api/v1/namespaces/default/pods (nginx-pod)',
  );
  await page.screenshot({ path: 'test-results/attached-step1.png' });
  const banner = page.getByRole('status', { name: 'npm run api' });
  await expect(banner).toContainText('Looking at the past');
  // Acting in the past is refused: the real cluster cannot be rewound.
  const kubelet = page.getByRole('group', { name: `5 kubelet (${node})`, exact: true });
  await kubelet.click();
  await page.getByRole('menuitem', { name: `Stop the kubelet on ${node}` }).click();
  await expect(banner.getByRole('alert')).toContainText('The real cluster cannot be rewound');
  await expect(kubelet).toContainText('running');

  // Back to the live edge, the fault palette: stop the kubelet on that worker; the server applies it to its lab.
  await banner.getByRole('button', { name: 'Go live' }).click();
  await expect(banner).not.toContainText('Looking at the past');
  await kubelet.click();
  await page.getByRole('menuitem', { name: `Stop the kubelet on ${node}` }).click();
  await expect(page.getByRole('group', { name: `5 kubelet (${node})`, exact: true })).toContainText(
    'stopped',
    {
      timeout: 15_000,
    },
  );
  // NotReady 40 s of cluster time after the last heartbeat: 10 s at 4×, as real kubectl sees it.
  await expect
    .poll(async () => (await kubectl('get', 'nodes')).split('\n').find((l) => l.startsWith(node)) ?? '', {
      timeout: 45_000,
      intervals: [1000],
    })
    .toMatch(/NotReady/);
  await expect(page.getByRole('group', { name: new RegExp(`^node ${node}: NotReady`) })).toBeVisible({
    timeout: 15_000,
  });

  // A reload attaches again: the same cluster, replayed from the server's log.
  await page.reload();
  await expect(page.getByRole('status', { name: 'npm run api' })).toBeVisible();
  await expect(page.getByRole('group', { name: `5 kubelet (${node})`, exact: true })).toContainText(
    'stopped',
    {
      timeout: 15_000,
    },
  );
  await expect(
    page.getByRole('group', { name: /^7 pods \(w\d-k8s\)$/ }).filter({ hasText: 'nginx-pod' }),
  ).toBeVisible();
});

test('on a phone the attached page shows the banner, the diagram and the terminal; a line typed there runs on the server, and one typed on its stdin shows there', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await attach(page);
  await expect(page.getByRole('group', { name: '1 API server (m-k8s)', exact: true })).toBeVisible();
  const box = page.getByRole('textbox', { name: /m-k8s/ }).first();
  await box.fill('kubectl get pod nginx-pod');
  await box.press('Enter');
  // kubectl's answer, from the server's lab, in m-k8s's tab.
  await expect(page.getByRole('region', { name: 'Commands on m-k8s' })).toContainText(
    /NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+nginx-pod\s+1\/1\s+Running/,
    { timeout: 15_000 },
  );
  // A line typed on the server's stdin shows in m-k8s's tab too, with what it printed.
  api.proc.stdin.write('kubectl get pod nginx-pod -o wide\n');
  await expect(page.getByRole('region', { name: 'Commands on m-k8s' })).toContainText(
    /# kubectl get pod nginx-pod -o wide\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE/,
    { timeout: 15_000 },
  );
  await page.screenshot({ path: 'test-results/attached-phone.png', fullPage: true });
});

test('in Korean, from the keyboard: the scheduler stopped from its menu leaves real kubectl’s new pod Pending, the page’s terminal says so, and healing it schedules the pod', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${origin}/podscope/?lang=ko`);
  const banner = page.getByRole('status', { name: 'npm run api' });
  await expect(banner).toContainText(`${origin} 의 npm run api 에 연결됨`);
  const scheduler = page.getByRole('group', { name: /^4 스케줄러 \(m-k8s\)/ });
  await scheduler.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: '스케줄러 중지' }).press('Enter');
  await expect(scheduler).toContainText('중지됨', { timeout: 15_000 });
  // Real kubectl's pod: nothing is left to give it a node.
  expect(await kubectl('run', 'ko-pod', '--image=nginx')).toBe('pod/ko-pod created\n');
  await page.waitForTimeout(3000);
  expect(await kubectl('get', 'pod', 'ko-pod', '-o', 'jsonpath={.status.phase}/{.spec.nodeName}')).toBe(
    'Pending/',
  );
  // The fault shows in the Faults tab, which the page opens: back to the terminal by keyboard.
  await expect(page.getByRole('tab', { name: /^장애 \(\d+\)$/ })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: '터미널' }).press('Enter');
  // Typed in the page's m-k8s tab: the server runs it and the tab shows its answer.
  const box = page.getByRole('textbox', { name: '터미널, m-k8s' });
  await box.fill('kubectl get pod ko-pod');
  await box.press('Enter');
  const log = page.getByRole('log', { name: '터미널 출력, m-k8s' });
  await expect(log).toContainText(/ko-pod\s+0\/1\s+Pending/, { timeout: 15_000 });
  // At 1280×720, under the banner, the answer is in view, not scrolled out of the terminal.
  await expect(log.getByText(/^ko-pod\s+0\/1\s+Pending/)).toBeInViewport();
  await page.screenshot({ path: 'test-results/attached-ko.png' });
  // Healed from the same menu, by keyboard: the server's scheduler comes back and places the pod.
  await scheduler.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: '복구: 스케줄러 중지' }).press('Enter');
  await expect
    .poll(async () => kubectl('get', 'pod', 'ko-pod', '-o', 'jsonpath={.spec.nodeName}'), {
      timeout: 45_000,
      intervals: [1000],
    })
    .toMatch(/^w\d-k8s$/);
  await expect(scheduler).toContainText('동작 중', { timeout: 15_000 });
});
