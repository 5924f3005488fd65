import type { ChildProcess } from 'node:child_process';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { NpmRunApi } from './liveHelpers';
import { freePort, kubectlBinary, startNpmRunApi } from './liveHelpers';

// Issue 17's test of the live page: the real `kubectl proxy --www` in front of `npm run api`
// (the simulated lab standing in for a real cluster). Nodes and a pod created with real
// kubectl (straight to the API server, not through the page) appear on the book's steps, a
// kubelet stopped from the server's stdin shows its node NotReady, and the page made no write
// request: none left the page, and the server's own request log has only the test's POST.

let api: NpmRunApi;
let proxy: ChildProcess;
let kubeconfig = '';
let origin = '';

const kubectl = (...args: string[]) =>
  new Promise<string>((resolve) =>
    execFile(kubectlBinary(), ['--kubeconfig', kubeconfig, ...args], (_e, out, err) =>
      resolve(`${out}${err}`),
    ),
  );

test.beforeAll(async () => {
  test.setTimeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'podscope-live-'));
  kubeconfig = join(dir, 'kubeconfig');
  api = await startNpmRunApi(['--port', '0', '--speed', '4', '--kubeconfig', kubeconfig]);
  expect(api.stdout()).toContain('is serving on https://127.0.0.1:');
  const port = await freePort();
  proxy = spawn(
    kubectlBinary(),
    [
      'proxy',
      `--kubeconfig=${kubeconfig}`,
      `--www=${join(process.cwd(), 'dist')}`,
      '--www-prefix=/podscope/',
      `--port=${port}`,
    ],
    { stdio: 'ignore' },
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

test.afterAll(() => {
  proxy?.kill();
  api?.stop();
});

test("the page beside kubectl proxy in front of npm run api: nodes, kubectl run on the book's steps, a stopped kubelet's node NotReady, and no write", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  await page.goto(`${origin}/podscope/?lang=en`);
  await expect(page.getByRole('note')).toContainText('Watching a real cluster: the Kubernetes API at');
  await expect(page.getByRole('note')).toContainText('(v1.18.4)');
  await expect(page.getByRole('status').filter({ hasText: 'Watching' })).toHaveText('Watching 6 resources.', {
    timeout: 15_000,
  });
  for (const n of ['m-k8s', 'w1-k8s', 'w2-k8s', 'w3-k8s'])
    await expect(page.getByRole('group', { name: `node ${n}: Ready`, exact: true })).toBeVisible();

  expect(await kubectl('run', 'nginx-pod', '--image=nginx')).toBe('pod/nginx-pod created\n');
  const changes = page.getByRole('log').first();
  const item = (text: string) => changes.getByRole('listitem').filter({ hasText: text });
  await expect(item('pod default/nginx-pod created')).toContainText('step 1');
  await expect(item('pod default/nginx-pod scheduled to')).toContainText('step 4');
  await expect(item('pod default/nginx-pod: pulling image nginx')).toContainText('step 6', {
    timeout: 15_000,
  });
  await expect(item('pod default/nginx-pod: container nginx-pod started')).toContainText('step 7', {
    timeout: 30_000,
  });
  await expect(item('pod default/nginx-pod is Ready')).toContainText('step 8', { timeout: 15_000 });
  // The lab's scheduler picks the node; the page draws the pod there, as kubectl's STATUS says.
  const node = /scheduled to (\S+)/.exec((await item('scheduled to').first().textContent()) ?? '')?.[1] ?? '';
  await expect(page.getByRole('group', { name: `7 pods (${node})` })).toContainText('nginx-pod');
  await expect(page.getByRole('region', { name: 'Events' })).toContainText(
    `Started pod/nginx-pod: Started container nginx-pod (kubelet, ${node})`,
  );

  // The book's fault, typed on the lab's hosts (the server's stdin): w2-k8s's kubelet stops.
  api.proc.stdin.write('ssh w2-k8s\nsystemctl stop kubelet\n');
  // NotReady 40 s of cluster time after the last heartbeat: 10 s at 4×.
  // The node lifecycle controller taints it too, and the node's name says so.
  await expect(
    page.getByRole('group', {
      name: 'node w2-k8s: NotReady; taints: node.kubernetes.io/unreachable:NoSchedule, node.kubernetes.io/unreachable:NoExecute',
      exact: true,
    }),
  ).toBeVisible({
    timeout: 45_000,
  });
  await expect(item('node w2-k8s NotReady: Kubelet stopped posting node status.')).toBeVisible();
  await expect(page.getByRole('group', { name: '5 kubelet (w2-k8s)' })).toContainText('stopped');
  // Its pods are marked not Ready by the controller, and nothing is said to have started again.
  await expect(item('pod default/nginx-pod is not Ready')).toBeVisible();
  await expect(item('kube-proxy').filter({ hasText: 'started' })).toHaveCount(0);

  expect(requests.filter((r) => !r.startsWith('GET '))).toEqual([]);
  // The server logs each request as it answers it: the only write is kubectl run's.
  const writes = api
    .stderr()
    .split('\n')
    .filter((l) => /^(POST|PUT|PATCH|DELETE) /.test(l));
  expect(writes).toEqual(['POST /api/v1/namespaces/default/pods?fieldManager=kubectl-run 201']);
});
