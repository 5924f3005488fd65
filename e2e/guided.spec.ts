// Issue 15: guided steps behave the same everywhere. A done step says so and waits for
// "Next step"; a clicked command waits for its host's prompt; a Ctrl+C button stops
// the command a step leaves hanging, in the step and in the terminal, and the Ctrl+C
// lands on the timeline as the key's would. Walked as a student does kubelet-stop,
// clicking and typing, in Korean and in English.
import { expect, test } from '@playwright/test';

const words = {
  en: {
    deploy: 'Deploy the pod and find it',
    stop: 'Stop the kubelet on w2-k8s',
    hangs: 'The delete never finishes',
    done: 'Step done. Press “Next step” to go on.',
    next: 'Next step',
    still: 'Still 1/1 Running',
    busy: /A command is running on m-k8s/,
    interrupt: 'Send Ctrl+C to m-k8s',
    box: 'Terminal, m-k8s',
    log: 'Terminal output, m-k8s',
    samples: 'Sample commands',
  },
  ko: {
    deploy: '파드 배포와 위치 확인',
    stop: 'w2-k8s 의 kubelet 중지',
    hangs: '파드 삭제가 끝나지 않는다',
    done: '이 단계를 마쳤습니다. ‘다음 단계’를 눌러 넘어가세요.',
    next: '다음 단계',
    still: '1/1 Running 그대로',
    busy: /m-k8s 에서 명령이 실행 중입니다/,
    interrupt: 'm-k8s 에 Ctrl+C 보내기',
    box: '터미널, m-k8s',
    log: '터미널 출력, m-k8s',
    samples: '예시 명령',
  },
} as const;

for (const lang of ['ko', 'en'] as const) {
  const w = words[lang];

  test(`kubelet-stop, ${lang}: done steps wait for next; Ctrl+C frees the hung shell`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`./?lesson=kubelet-stop&lang=${lang}&speed=4`);
    const log = page.getByRole('log', { name: w.log });

    // Step 1: the pod runs, and the step says so and stays until the student moves on.
    const deploy = page.getByRole('region', { name: w.deploy });
    await deploy.getByRole('button', { name: /kubectl create -f/ }).click();
    await expect(log).toContainText('pod/nginx-pod created', { timeout: 20_000 });
    await expect(deploy.getByRole('status').filter({ hasText: w.done })).toBeVisible({ timeout: 40_000 });
    // A student types on meanwhile: the step stays done, and stays on screen.
    const box = page.getByRole('textbox', { name: w.box });
    await box.fill('kubectl get pods -o wide');
    await box.press('Enter');
    await expect(log).toContainText(/nginx-pod\s+1\/1\s+Running/, { timeout: 20_000 });
    await page.waitForTimeout(1_000);
    await expect(deploy.getByRole('status').filter({ hasText: w.done })).toBeVisible();
    await deploy.getByRole('button', { name: w.next }).click();

    // Step 2, the one that used to say done and stay: the same rule.
    const stop = page.getByRole('region', { name: w.stop });
    await stop.getByRole('radio', { name: w.still }).check();
    await stop.getByRole('button', { name: /systemctl stop kubelet/ }).click();
    await expect(stop.getByRole('status').filter({ hasText: w.done })).toBeVisible({ timeout: 40_000 });
    await expect(stop).toBeVisible();
    await stop.getByRole('button', { name: w.next }).click();

    // Step 3: the delete hangs. The next command waits for the prompt, and Ctrl+C is a button.
    const hangs = page.getByRole('region', { name: w.hangs });
    await hangs.getByRole('radio', { name: 'Terminating', exact: true }).check();
    await hangs.getByRole('button', { name: /kubectl delete pod nginx-pod/ }).click();
    await expect(log).toContainText('pod "nginx-pod" deleted', { timeout: 20_000 });
    const getPod = hangs.getByRole('button', { name: /kubectl get pod$/ });
    await expect(getPod).toBeDisabled();
    await expect(hangs.getByText(w.busy)).toBeVisible();
    // The terminal offers the same key, and its sample commands wait too.
    await expect(page.getByRole('list', { name: w.samples }).getByRole('button').first()).toBeDisabled();
    await hangs.getByRole('button', { name: w.interrupt }).click();
    await expect(log).toContainText('^C');
    await expect(getPod).toBeEnabled();
    // The Ctrl+C is on the timeline and in the link, as a pressed key's is.
    await expect(page).toHaveURL(/inputs=[^&]*\.cm-k8s/);
    await getPod.click();
    await expect(log).toContainText(/nginx-pod\s+1\/1\s+Terminating/, { timeout: 20_000 });
    await expect(hangs.getByRole('status').filter({ hasText: w.done })).toBeVisible({ timeout: 20_000 });
  });
}

test('the terminal pane has a Ctrl+C button while a command runs, and only then', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('./?lesson=pod-create&lang=en');
  await expect(page.locator('.timeline-marker')).toHaveCount(8);
  await page.getByRole('button', { name: 'Go to the end' }).click();
  const box = page.getByRole('textbox', { name: 'Terminal, m-k8s' });
  const log = page.getByRole('log', { name: 'Terminal output, m-k8s' });
  const button = page.getByRole('button', { name: 'Send Ctrl+C to m-k8s' });
  await expect(box).toBeVisible();
  await expect(button).toHaveCount(0);
  await box.fill('sleep 600');
  await box.press('Enter');
  await expect(button).toBeVisible({ timeout: 20_000 });
  // A line typed ahead waits for the prompt; the interrupt throws it away, as a terminal's does.
  await box.fill('hostname');
  await box.press('Enter');
  await button.click();
  await expect(log).toContainText('^C');
  await expect(button).toHaveCount(0);
  await expect(box).toBeFocused();
  await box.fill('hostname');
  await box.press('Enter');
  await expect(log).toContainText(/\^C[\s\S]*hostname\s*m-k8s/, { timeout: 20_000 });
});
