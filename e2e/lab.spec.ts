import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

// Issue 5: the book's scenarios typed into the terminals and broken from the diagram,
// as a student or a teacher would, by role, label and keyboard.

async function openAtEnd(page: Page) {
  await page.goto('./?lesson=pod-create&lang=en');
  await expect(page.locator('.timeline-marker')).toHaveCount(8);
  await page.getByRole('button', { name: 'Go to the end' }).click();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
}

/** Types a line into a host's terminal tab and presses Enter. */
async function type(page: Page, host: string, line: string) {
  await page.getByRole('tab', { name: host, exact: true }).click();
  const box = page.getByRole('textbox', { name: `Terminal, ${host}` });
  await box.fill(line);
  await box.press('Enter');
  return box;
}

const log = (page: Page, host: string) => page.getByRole('log', { name: `Terminal output, ${host}` });

test("the book's kubelet scenario, typed in the m-k8s and w2-k8s terminals", async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await openAtEnd(page);

  await type(page, 'm-k8s', 'kubectl get pods -o wide');
  await expect(log(page, 'm-k8s')).toContainText(
    /nginx-pod\s+1\/1\s+Running\s+0\s+\S+\s+172\.16\.103\.129\s+w2-k8s/,
    { timeout: 20_000 },
  );

  await type(page, 'w2-k8s', 'systemctl stop kubelet');
  await expect(page.getByRole('group', { name: '5 kubelet (w2-k8s)', exact: true })).toContainText(
    'stopped',
    { timeout: 20_000 },
  );

  const box = await type(page, 'm-k8s', 'kubectl delete pod nginx-pod');
  await expect(log(page, 'm-k8s')).toContainText('pod "nginx-pod" deleted', { timeout: 20_000 });
  // The deletion waits for a kubelet that is not there: interrupt it, as the book does.
  await box.press('Control+c');
  await expect(log(page, 'm-k8s')).toContainText('^C', { timeout: 10_000 });

  await type(page, 'm-k8s', 'kubectl get pod');
  await expect(log(page, 'm-k8s')).toContainText(/nginx-pod\s+1\/1\s+Terminating/, { timeout: 20_000 });

  await type(page, 'w2-k8s', 'systemctl start kubelet');
  await expect(page.getByRole('group', { name: '5 kubelet (w2-k8s)', exact: true })).toContainText(
    'running',
    { timeout: 20_000 },
  );
  await expect(page.getByRole('group', { name: '7 pods (w2-k8s)', exact: true })).not.toContainText(
    'nginx-pod',
    { timeout: 30_000 },
  );
  await type(page, 'm-k8s', 'kubectl get pod');
  await expect(log(page, 'm-k8s')).toContainText('No resources found in default namespace.', {
    timeout: 20_000,
  });
  expect(errors).toEqual([]);
});

test('stopping the scheduler from its menu leaves a new pod Pending; healing it runs the pod', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openAtEnd(page);
  const scheduler = page.getByRole('group', { name: '4 scheduler (m-k8s)', exact: true });
  // From the keyboard: focus the component and press Enter.
  await scheduler.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Stop the scheduler' }).click();
  await expect(page.getByRole('tab', { name: /Faults \(1\)/ })).toBeVisible();
  await expect(page.getByText('The scheduler has stopped: nobody picks a node for new pods.')).toBeVisible();
  await expect(scheduler).toContainText('stopped', { timeout: 30_000 });

  await page.getByRole('tab', { name: 'Terminal' }).click();
  await type(page, 'm-k8s', 'kubectl run web --image=nginx');
  await expect(log(page, 'm-k8s')).toContainText('pod/web created', { timeout: 20_000 });
  await page.waitForTimeout(2_000);
  await type(page, 'm-k8s', 'kubectl get pods -o wide');
  await expect(log(page, 'm-k8s')).toContainText(/web\s+0\/1\s+Pending\s+0\s+\S+\s+<none>\s+<none>/, {
    timeout: 20_000,
  });
  await expect(page.getByRole('button', { name: 'Why is it stuck?' })).toBeVisible();
  await page.getByRole('button', { name: 'Why is it stuck?' }).click();
  await expect(page.getByText('web is stuck at step 4')).toBeVisible();

  await page.getByRole('tab', { name: /Faults/ }).click();
  await page.getByRole('button', { name: 'Heal: Stop the scheduler' }).click();
  await expect(page.getByRole('tab', { name: 'Faults', exact: true })).toBeVisible();
  await expect(
    page
      .getByRole('group', { name: '7 pods (w1-k8s)', exact: true })
      .or(page.getByRole('group', { name: '7 pods (w3-k8s)', exact: true }))
      .or(page.getByRole('group', { name: '7 pods (w2-k8s)', exact: true }))
      .filter({ hasText: 'web' }),
  ).toContainText('Running', { timeout: 40_000 });
});

test('rewinding before a fault takes it off the diagram and the fault panel; a new fault replaces the future', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await openAtEnd(page);
  await page.getByRole('group', { name: '5 kubelet (w2-k8s)', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Stop the kubelet on w2-k8s' }).click();
  await expect(page.getByRole('group', { name: '5 kubelet (w2-k8s)', exact: true })).toContainText(
    'stopped',
    { timeout: 20_000 },
  );
  await expect(page.getByRole('tab', { name: /Faults \(1\)/ })).toBeVisible();

  // Back to the start of the lesson: the fault has not happened yet.
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect(page.getByRole('group', { name: '5 kubelet (w2-k8s)', exact: true })).toContainText('running');
  await expect(page.getByRole('tab', { name: 'Faults', exact: true })).toBeVisible();

  // Try another fault there instead: the kubelet one is gone from the future.
  await page.getByRole('group', { name: '12 CoreDNS', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Take CoreDNS down' }).click();
  await expect(page.getByRole('group', { name: '12 CoreDNS', exact: true })).toContainText('stopped', {
    timeout: 20_000,
  });
  await page.getByRole('button', { name: 'Go to the end' }).click();
  await expect(page.getByRole('group', { name: '5 kubelet (w2-k8s)', exact: true })).toContainText('running');
  await page.getByRole('tab', { name: /Faults/ }).click();
  await expect(page.getByRole('listitem')).toHaveText([/Take CoreDNS down/]);
  // The terminals say the future was replaced.
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await expect(log(page, 'm-k8s')).toContainText(/rewound to [\d.]+ s and acted there/);
});

test("a component's details show its state and last messages; the inspectors show kubectl's tables", async ({
  page,
}) => {
  await openAtEnd(page);
  await page.getByRole('group', { name: '4 scheduler (m-k8s)', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Show its state and last messages' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Inspect' })).toContainText('api.bind.pods');
  await page.getByRole('tab', { name: 'Pods' }).click();
  await expect(page.getByRole('table', { name: 'kubectl get pods -o wide' })).toContainText(
    /nginx-pod\s*1\/1\s*Running/,
  );
  await page.getByRole('tab', { name: 'Events' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Events' })).toContainText(
    'Successfully assigned default/nginx-pod to w2-k8s',
  );
});

test('a stopped kubelet shows the messages that pile up unread', async ({ page }) => {
  await openAtEnd(page);
  await page.getByRole('group', { name: '5 kubelet (w2-k8s)', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Stop the kubelet on w2-k8s' }).click();
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await type(page, 'm-k8s', 'kubectl delete pod nginx-pod --wait=false');
  await expect(page.getByRole('group', { name: '5 kubelet (w2-k8s)', exact: true })).toContainText(/✉ \d+/, {
    timeout: 30_000,
  });
});

test('a command typed right after scrubbing far back waits for the lab to catch up, then answers there', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await openAtEnd(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(3_000);
  // Back to the start and type at once: no spare world is ready there (a cold fork).
  await page.getByRole('button', { name: 'Restart' }).click();
  await page.getByRole('button', { name: 'Pause' }).click();
  await type(page, 'm-k8s', 'kubectl get nodes');
  await expect(log(page, 'm-k8s')).toContainText(/m-k8s\s+Ready\s+master/, { timeout: 30_000 });
  // Once applied, the status line is empty again.
  await expect(page.locator('.lab-catching-up')).toBeEmpty();
});
