import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { newestKubectl } from '../src/api/testing/kubectlBinaries';
import type { NpmRunApi } from './liveHelpers';
import { startNpmRunApi } from './liveHelpers';

// Issue 18: `npm run api -- --profile 1.36` serves the second edition's lab, and the page it
// serves at /podscope/ draws that lab: the control plane cp-k8s on the diagram and in the
// tabs, never m-k8s. Real kubectl 1.33 (the newest here) runs a pod against the server; the
// page draws it, and the page's own terminal on cp-k8s answers as real kubectl does.

let api: NpmRunApi;
let kubeconfig = '';
let origin = '';
let bin = '';

const kubectl = (...args: string[]) =>
  new Promise<string>((resolve) =>
    execFile(bin, ['--kubeconfig', kubeconfig, ...args], (_e, out, err) => resolve(`${out}${err}`)),
  );

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(60_000);
  bin = newestKubectl() ?? '';
  expect(bin, 'no versioned kubectl (kubectl.1.NN) beside the kubectl on the PATH').not.toBe('');
  expect(existsSync(join(process.cwd(), 'dist', 'index.html')), 'npm run build first').toBe(true);
  kubeconfig = join(mkdtempSync(join(tmpdir(), 'podscope-attached136-')), 'kubeconfig');
  api = await startNpmRunApi([
    '--profile',
    '1.36',
    '--port',
    '0',
    '--speed',
    '4',
    '--quiet',
    '--kubeconfig',
    kubeconfig,
  ]);
  const page = /the page, attached to this lab: (http:\/\/\S+)\/podscope\//.exec(api.stdout());
  expect(page, api.stdout()).not.toBeNull();
  origin = page?.[1] ?? '';
});

test.afterAll(() => {
  api?.stop();
});

test('the attached page draws the 1.36 lab on cp-k8s, real kubectl 1.33’s pod on its worker, and its own cp-k8s terminal answers as real kubectl does', async ({
  page,
}) => {
  test.setTimeout(90_000);
  expect(await kubectl('get', 'nodes', '-o', 'name')).toBe(
    'node/cp-k8s\nnode/w1-k8s\nnode/w2-k8s\nnode/w3-k8s\n',
  );
  await page.goto(`${origin}/podscope/?lang=en`);
  await expect(page.getByRole('status', { name: 'npm run api' })).toContainText(
    `Attached to npm run api at ${origin}`,
  );
  for (const n of [
    '0 kubectl (cp-k8s)',
    '1 API server (cp-k8s)',
    '4 scheduler (cp-k8s)',
    '5 kubelet (w2-k8s)',
  ])
    await expect(page.getByRole('group', { name: n, exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: /m-k8s/ })).toHaveCount(0);

  expect(await kubectl('run', 'nginx-pod', '--image=nginx')).toBe('pod/nginx-pod created\n');
  await expect(
    page.getByRole('group', { name: /^7 pods \(w\d-k8s\)$/ }).filter({ hasText: 'nginx-pod' }),
  ).toBeVisible({ timeout: 30_000 });

  // Real kubectl's answer once the pod runs, and the page's terminal on cp-k8s asked the same.
  let real = '';
  for (let i = 0; i < 60 && !/\bRunning\b/.test(real); i++) {
    await new Promise((r) => setTimeout(r, 500));
    real = await kubectl('get', 'pod', 'nginx-pod');
  }
  expect(real).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nnginx-pod\s+1\/1\s+Running\s+0\s+\S+\n$/);
  const box = page.getByRole('textbox', { name: 'Terminal, cp-k8s' });
  await box.fill('kubectl get pod nginx-pod');
  await box.press('Enter');
  const tab = page.getByRole('region', { name: 'Commands on cp-k8s' });
  await expect(tab).toContainText('root@cp-k8s:~# kubectl get pod nginx-pod', { timeout: 15_000 });
  await expect(tab).toContainText(
    /NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+nginx-pod\s+1\/1\s+Running\s+0\s/,
    {
      timeout: 15_000,
    },
  );
  // And the same delete as real kubectl 1.36 words it: the page's kubectl is the lab's 1.36.
  await box.fill('kubectl delete pod nginx-pod');
  await box.press('Enter');
  await expect(tab).toContainText('pod "nginx-pod" deleted from default namespace', { timeout: 30_000 });
  await expect(await kubectl('get', 'pod', 'nginx-pod')).toContain('NotFound');
  await page.screenshot({ path: 'test-results/attached-136.png' });
});
