import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { FakeApi } from './fakeApi';
import { freePort, kubectlBinary } from './liveHelpers';

// Issue 17, "a real cluster in the page": the built page served by the real
// `kubectl proxy --www=dist --www-prefix=/podscope/` in front of an API server (e2e/fakeApi.ts
// standing in for a cluster), watched as a person would: the nodes, a pod created beside
// the page (not by it) appearing step by step, a node whose kubelet stopped going
// NotReady; and the page never writes.

let fake: FakeApi;
let proxy: ChildProcess;
let origin = '';
let apiPort = 0;

test.beforeAll(async () => {
  fake = new FakeApi();
  apiPort = await fake.start();
  const port = await freePort();
  proxy = spawn(
    kubectlBinary(),
    [
      'proxy',
      `--www=${join(process.cwd(), 'dist')}`,
      '--www-prefix=/podscope/',
      `--port=${port}`,
      `--server=http://127.0.0.1:${apiPort}`,
    ],
    { stdio: 'ignore', env: { ...process.env, KUBECONFIG: '/dev/null' } },
  );
  origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${origin}/version`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('kubectl proxy did not come up');
});

test.afterAll(async () => {
  proxy?.kill();
  await fake?.stop();
});

/** Every request the page sends, with its method. */
function recordRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => seen.push(`${r.method()} ${r.url()}`));
  return seen;
}

async function createPodBesideThePage(name: string): Promise<void> {
  // As a person's kubectl would: straight to the API server, not through the page.
  const res = await fetch(`http://127.0.0.1:${apiPort}/api/v1/namespaces/default/pods`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-e2e': 'test' },
    body: JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: { containers: [{ name, image: 'nginx' }] },
    }),
  });
  expect(res.status).toBe(201);
}

test('the page beside kubectl proxy watches the cluster: nodes, a pod created step by step, a node going NotReady, and it writes nothing', async ({
  page,
}) => {
  const requests = recordRequests(page);
  await page.goto(`${origin}/podscope/?lang=en`);
  await expect(page.getByRole('note')).toContainText(
    'Watching a real cluster: the Kubernetes API at http://127.0.0.1',
  );
  await expect(page.getByRole('note')).toContainText('(v1.18.4)');
  await expect(page.getByRole('note')).toContainText(
    'the messages between its components are inferred from them. This page only reads: it changes nothing in the cluster.',
  );
  await expect(page.getByRole('status').filter({ hasText: 'Watching' })).toHaveText('Watching 6 resources.');
  for (const n of ['m-k8s', 'w1-k8s', 'w2-k8s', 'w3-k8s'])
    await expect(page.getByRole('group', { name: `node ${n}: Ready`, exact: true })).toBeVisible();
  const changes = page.getByRole('log').first();
  await expect(changes.getByText('4 node listed; watching')).toBeVisible();
  // Nothing to type and nothing to break here, and the page says why.
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Terminal and faults' })).toContainText(
    'this page watches a real cluster and never writes to it',
  );

  await createPodBesideThePage('nginx-pod');
  const item = (text: string) => changes.getByRole('listitem').filter({ hasText: text });
  await expect(item('pod default/nginx-pod created')).toContainText('step 1');
  await expect(item('pod default/nginx-pod scheduled to w2-k8s')).toContainText('step 4');
  await expect(item('the kubelet of w2-k8s takes pod default/nginx-pod')).toContainText('step 5');
  await expect(item('pod default/nginx-pod: pulling image nginx')).toContainText('step 6');
  await expect(item('pod default/nginx-pod: container nginx-pod started')).toContainText('step 7');
  await expect(item('pod default/nginx-pod is Ready')).toContainText('step 8');
  // The pod on its node's box, as kubectl's STATUS says; the events as they came.
  await expect(page.getByRole('group', { name: '7 pods (w2-k8s)' })).toContainText('nginx-pod');
  await expect(page.getByRole('group', { name: '7 pods (w2-k8s)' })).toContainText('Running');
  const events = page.getByRole('region', { name: 'Events' });
  await expect(events).toContainText(
    'Scheduled pod/nginx-pod: Successfully assigned default/nginx-pod to w2-k8s',
  );
  await expect(events).toContainText('Started pod/nginx-pod: Started container nginx-pod (kubelet, w2-k8s)');

  // w2-k8s's kubelet stops: the node lifecycle controller marks the node Unknown.
  fake.stopKubelet('w2-k8s');
  await expect(page.getByRole('group', { name: 'node w2-k8s: NotReady', exact: true })).toBeVisible({
    timeout: 15_000,
  });
  await expect(item('node w2-k8s NotReady: Kubelet stopped posting node status.')).toBeVisible();
  await expect(page.getByRole('group', { name: '5 kubelet (w2-k8s)' })).toContainText('stopped');

  await page.screenshot({ path: 'test-results/live-page.png', fullPage: true });

  // Only reads, ever: at the page, and at the API server behind the proxy.
  const writes = requests.filter((r) => !r.startsWith('GET '));
  expect(writes).toEqual([]);
  expect(fake.requests.filter((r) => !r.fromTest && r.method !== 'GET')).toEqual([]);
  // It listed and watched each of the six resources through the proxy.
  for (const path of [
    '/api/v1/nodes',
    '/api/v1/pods',
    '/api/v1/events',
    '/apis/apps/v1/deployments',
    '/apis/apps/v1/replicasets',
    '/api/v1/services',
  ]) {
    expect(fake.requests.some((r) => r.url === path)).toBe(true);
    expect(fake.requests.some((r) => r.url.startsWith(`${path}?watch=1&resourceVersion=`))).toBe(true);
  }
});

test('in Korean, the banner and the read-only panel say the same, and axe finds nothing serious', async ({
  page,
}) => {
  await page.goto(`${origin}/podscope/?lang=ko`);
  await expect(page.getByRole('note')).toContainText('실제 클러스터를 보고 있습니다');
  await expect(page.getByRole('note')).toContainText('구성 요소 사이의 메시지는 그것으로 추정한 것입니다');
  await expect(page.getByRole('region', { name: '터미널과 장애' })).toContainText('쓰지 않습니다');
  await expect(page.getByRole('group', { name: '노드 w1-k8s: Ready', exact: true })).toBeVisible();
  // As the lab's page (a11y.spec.ts): no serious or critical violation, in each theme.
  for (const theme of ['light', 'dark', 'projector']) {
    await page.goto(`${origin}/podscope/?lang=ko&theme=${theme}`);
    await expect(page.getByRole('group', { name: '노드 w1-k8s: Ready', exact: true })).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }
});

test('an API named by ?api= that cannot be reached, or is no URL at all, is a notice, never a blank page', async ({
  page,
}) => {
  await page.goto(`${origin}/podscope/?lang=en&api=http://127.0.0.1:9/`);
  await expect(page.getByRole('alert')).toContainText('Cannot reach a Kubernetes API at http://127.0.0.1:9.');
  await expect(page.getByRole('link', { name: 'Open the page without ?api=' })).toBeVisible();
  await page.goto(`${origin}/podscope/?lang=ko&api=ftp://x`);
  await expect(page.getByRole('alert')).toContainText(
    '"?api=ftp://x" 는 쿠버네티스 API 의 http(s) 주소가 아닙니다.',
  );
  // A path on the same origin that is not an API.
  await page.goto(`${origin}/podscope/?lang=en&api=/podscope/`);
  await expect(page.getByRole('alert')).toContainText('answered, but not as a Kubernetes API');
});
