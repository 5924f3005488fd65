// Issue 18: the second edition's 3.1.6 as a lesson, in its own lab (?profile=1.36), done from
// the keyboard at 1280×720 as a student does it: the lines typed into cp-k8s's terminal in
// the middle of each step (not clicked), the predictions chosen with the keys, "Next step"
// pressed with Enter. The lab answers as the second edition's does: crictl lists the API
// server's container, the manifest moved away stops it, kubectl is refused at
// 192.168.1.10:6443, and moved back the kubelet starts a new container.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

test.use({ viewport: { width: 1280, height: 720 } });

const DONE = 'Step done. Press “Next step” to go on.';

async function typeLine(page: Page, box: Locator, line: string) {
  await box.focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** A radio or a button reached and pressed from the keyboard. */
async function press(page: Page, target: Locator, key: 'Space' | 'Enter') {
  await target.focus();
  await page.keyboard.press(key);
}

test('apiserver-unload under profile 1.36, from the keyboard at 1280×720', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('./?lesson=apiserver-unload&profile=1.36&lang=en&speed=4');
  const box = page.getByRole('textbox', { name: 'Terminal, cp-k8s' });
  const log = page.getByRole('log', { name: 'Terminal output, cp-k8s' });
  await expect(box).toBeVisible({ timeout: 20_000 });

  // Step 1: the manifests, and the API server's container as crictl lists it (the step's button says crictl, not docker).
  const pod = page.getByRole('region', { name: 'The API server is a pod too' });
  await expect(pod).toBeInViewport();
  await expect(pod.getByRole('button', { name: 'crictl ps | grep kube-apiserver' })).toBeVisible();
  await expect(pod.getByRole('button', { name: /docker/ })).toHaveCount(0);
  await expect(pod).toContainText('kube-apiserver-cp-k8s');
  await typeLine(page, box, 'ls /etc/kubernetes/manifests');
  await expect(log).toContainText('kube-apiserver.yaml');
  // Mid-step: the step is not done until the runtime has been asked.
  await expect(pod.getByRole('status').filter({ hasText: DONE })).toHaveCount(0);
  await typeLine(page, box, 'crictl ps | grep kube-apiserver');
  await expect(
    log.getByText(/Running\s+kube-apiserver\s+0\s+[0-9a-f]{13}\s+kube-apiserver-cp-k8s/),
  ).toBeInViewport({
    timeout: 20_000,
  });
  await expect(pod.getByRole('status').filter({ hasText: DONE })).toBeVisible({ timeout: 20_000 });
  await press(page, pod.getByRole('button', { name: 'Next step' }), 'Enter');

  // Step 2: the book's script read, its two lines typed; the kubelet stops the API server at its next look.
  const unload = page.getByRole('region', { name: 'Move the manifest away' });
  await press(page, unload.getByRole('radio', { name: /When the kubelet next reads the folder/ }), 'Space');
  await typeLine(page, box, 'cat ~/_Book_k8sInfra/ch3/3.1.6/unload-kube-apiserver.sh');
  await expect(log).toContainText(
    'mv /etc/kubernetes/manifests/kube-apiserver.yaml /tmp/kube-apiserver.yaml',
  );
  await typeLine(
    page,
    box,
    'cp /etc/kubernetes/manifests/kube-apiserver.yaml /tmp/kube-apiserver-backup.yaml',
  );
  await typeLine(page, box, 'mv /etc/kubernetes/manifests/kube-apiserver.yaml /tmp/kube-apiserver.yaml');
  await expect(unload.getByRole('status').filter({ hasText: DONE })).toBeVisible({ timeout: 40_000 });
  await press(page, unload.getByRole('button', { name: 'Next step' }), 'Enter');

  // Step 3: refused, and no container left.
  const refused = page.getByRole('region', { name: 'The connection is refused' });
  await press(page, refused.getByRole('radio', { name: /No: the kubelet stopped the container/ }), 'Space');
  await typeLine(page, box, 'kubectl get pods -n kube-system');
  await expect(
    log.getByText(
      'The connection to the server 192.168.1.10:6443 was refused - did you specify the right host or port?',
    ),
  ).toBeInViewport({ timeout: 20_000 });
  await expect(refused.getByRole('status').filter({ hasText: DONE })).toBeVisible({ timeout: 20_000 });
  await press(page, refused.getByRole('button', { name: 'Next step' }), 'Enter');

  // Step 4: the manifest back; done once the kubelet has started the API server again.
  const load = page.getByRole('region', { name: 'Move the manifest back' });
  await expect(load).toContainText('load-kube-apiserver.sh');
  await typeLine(page, box, 'mv /tmp/kube-apiserver.yaml /etc/kubernetes/manifests/kube-apiserver.yaml');
  await expect(load.getByRole('status').filter({ hasText: DONE })).toBeVisible({ timeout: 40_000 });
  await press(page, load.getByRole('button', { name: 'Next step' }), 'Enter');

  // Step 5: kubectl answers again; the runtime's container is seconds old, the pod's AGE is not.
  const back = page.getByRole('region', { name: 'The API server is back' });
  await press(page, back.getByRole('radio', { name: /Seconds ago: it is a new container/ }), 'Space');
  await typeLine(page, box, 'kubectl get pods -n kube-system');
  // The pod object's AGE goes on from the lab's 29 minutes.
  await expect(log.getByText(/^kube-apiserver-cp-k8s\s+1\/1\s+Running\s+0\s+(29|3\d)m$/)).toBeVisible({
    timeout: 20_000,
  });
  await typeLine(page, box, 'crictl ps | grep kube-apiserver');
  await expect(log.getByText(/\d+ seconds? ago\s+Running\s+kube-apiserver/)).toBeInViewport({
    timeout: 20_000,
  });
  await expect(back.getByRole('status').filter({ hasText: DONE })).toBeVisible({ timeout: 20_000 });
  await press(page, back.getByRole('button', { name: 'Finish the lesson' }), 'Enter');
  await expect(page.getByText('You have finished this lesson!')).toBeVisible();
  await page.screenshot({ path: 'test-results/apiserver-unload-1.36.png' });
});

test('the lesson is offered in the book’s lab too, in Korean, on m-k8s with docker ps', async ({ page }) => {
  await page.goto('./?lesson=apiserver-unload&lang=ko');
  const pod = page.getByRole('region', { name: 'API 서버도 파드다' });
  await expect(pod.getByRole('button', { name: 'docker ps | grep kube-apiserver' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(pod).toContainText('kube-apiserver-m-k8s');
  await expect(page.getByRole('textbox', { name: '터미널, m-k8s' })).toBeVisible();
});
