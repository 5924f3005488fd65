// Bad images and crashing containers as a student meets them on the lab, compared
// with what kubectl 1.18 prints on a real cluster (docs/FACTS-containers.md).
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const AGE = '\\d+(s|m\\d*s?)';

/** describe's lines from `from` up to the next line with the same indentation or less. */
function section(text: string, from: string): string[] {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(from));
  const indent = from.length - from.trimStart().length;
  const out = [lines[i] ?? ''];
  for (const l of lines.slice(i + 1)) {
    if (l.length - l.trimStart().length <= indent) break;
    out.push(l);
  }
  return out;
}

describe('a tag the registry does not have (kubectl run bad --image=nginx:nosuchtag)', () => {
  it('is ErrImagePull, then ImagePullBackOff, with the pull error and the back-off in the events', () => {
    const s = new Session();
    expect(runAt(s, 'm-k8s', 'kubectl run bad --image=nginx:nosuchtag').text).toBe('pod/bad created');
    wait(s, 4);
    const first = runAt(s, 'm-k8s', 'kubectl get pod bad').text.split('\n');
    expect(first[0]).toBe('NAME   READY   STATUS         RESTARTS   AGE');
    expect(first[1]).toMatch(new RegExp(`^bad    0/1     ErrImagePull   0          ${AGE}$`));
    const statuses = new Set<string>();
    for (let i = 0; i < 12; i++) {
      wait(s, 5);
      statuses.add(runAt(s, 'm-k8s', 'kubectl get pod bad').text.split('\n')[1]?.split(/\s+/)[2] ?? '');
    }
    expect([...statuses].sort()).toEqual(['ErrImagePull', 'ImagePullBackOff']);
    const d = runAt(s, 'm-k8s', 'kubectl describe pod bad').text;
    expect(section(d, '    State:')).toEqual([
      '    State:          Waiting',
      '      Reason:       ImagePullBackOff',
    ]);
    expect(d).toMatch(/\nStatus: {7}Pending\n/);
    const events = section(d, 'Events:')
      .slice(3)
      .map((l) => l.trim().split(/ {2,}/))
      .map(([type, reason, , from, message]) => [type, reason, from, message].join(' | '));
    expect(events).toEqual([
      'Normal | Scheduled | default-scheduler | Successfully assigned default/bad to w2-k8s',
      'Normal | Pulling | kubelet, w2-k8s | Pulling image "nginx:nosuchtag"',
      expect.stringMatching(/^Warning \| Failed \| kubelet, w2-k8s \| Error: ErrImagePull$|Failed to pull/),
      expect.stringMatching(/^Warning \| Failed \| kubelet, w2-k8s \| Error: ErrImagePull$|Failed to pull/),
      expect.stringMatching(
        /^(Warning \| Failed \| kubelet, w2-k8s \| Error: ImagePullBackOff|Normal \| BackOff .*)$/,
      ),
      expect.stringMatching(
        /^(Warning \| Failed \| kubelet, w2-k8s \| Error: ImagePullBackOff|Normal \| BackOff .*)$/,
      ),
    ]);
    expect(events).toEqual(
      expect.arrayContaining([
        'Warning | Failed | kubelet, w2-k8s | Failed to pull image "nginx:nosuchtag": rpc error: code = Unknown desc = manifest for docker.io/nginx:nosuchtag not found',
        'Normal | BackOff | kubelet, w2-k8s | Back-off pulling image "nginx:nosuchtag"',
      ]),
    );
    // The same event again is counted, not repeated.
    expect(d).toMatch(/ {2}Normal {3}Pulling {4}\S+ \(x\d over \S+\) +kubelet, w2-k8s/);
  });

  it('a typo in the repository is "not found: does not exist or no pull access"', () => {
    const s = new Session();
    runAt(s, 'm-k8s', 'kubectl run web --image=ngnix');
    wait(s, 4);
    expect(runAt(s, 'm-k8s', 'kubectl describe pod web').text).toContain(
      'Failed to pull image "ngnix": rpc error: code = Unknown desc = repository docker.io/ngnix not found: does not exist or no pull access',
    );
  });
});

describe('busybox, whose sh exits at once (kubectl run busy --image=busybox)', () => {
  it('is Completed, restarted, then CrashLoopBackOff with RESTARTS climbing and Last State in describe', () => {
    const s = new Session();
    runAt(s, 'm-k8s', 'kubectl run busy --image=busybox');
    // Each line is typed a second after the last: STATUS and RESTARTS as they change.
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      const row = runAt(s, 'm-k8s', 'kubectl get pod busy').text.split('\n')[1] ?? '';
      expect(row).toMatch(new RegExp(`^busy   [01]/1     [A-Za-z]+ +[01]          ${AGE}$`));
      const [, , status, restarts] = row.split(/\s+/);
      const now = `${status} ${restarts}`;
      if (seen.at(-1) !== now) seen.push(now);
    }
    // sh ends within PLEG's 1 s relist: the kubelet never sees it Running.
    expect(seen).toEqual(['ContainerCreating 0', 'Completed 0', 'CrashLoopBackOff 1']);
    wait(s, 140);
    const row = runAt(s, 'm-k8s', 'kubectl get pod busy').text.split('\n')[1] ?? '';
    expect(row).toMatch(/^busy {3}0\/1 {5}(CrashLoopBackOff|Completed) {3}4 {10}2m\d+s$/);
    const d = runAt(s, 'm-k8s', 'kubectl describe pod busy').text;
    const state = section(d, '    State:').concat(section(d, '    Last State:'));
    expect(state.map((l) => l.replace(/Mon, 06 Jul 2020 \d\d:\d\d:\d\d \+0000/, 'TIME'))).toEqual([
      '    State:          Waiting',
      '      Reason:       CrashLoopBackOff',
      '    Last State:     Terminated',
      '      Reason:       Completed',
      '      Exit Code:    0',
      '      Started:      TIME',
      '      Finished:     TIME',
    ]);
    expect(d).toContain('    Restart Count:  4\n');
    expect(d).toMatch(
      / {2}Warning {2}BackOff {4}\S+ \(x\d+ over \S+\) +kubelet, w2-k8s +Back-off restarting failed container$/m,
    );
  });

  it('with --restart=Never is Completed and stays so; a failing command is Error', () => {
    const s = new Session();
    runAt(s, 'm-k8s', 'kubectl run once --image=busybox --restart=Never');
    runAt(s, 'm-k8s', 'kubectl run fail --image=busybox --restart=Never -- sh -c "exit 2"');
    wait(s, 60);
    const rows = runAt(s, 'm-k8s', 'kubectl get pods').text.split('\n');
    expect(rows[0]).toBe('NAME   READY   STATUS      RESTARTS   AGE');
    expect(rows[1]).toMatch(new RegExp(`^fail   0/1     Error       0          ${AGE}$`));
    expect(rows[2]).toMatch(new RegExp(`^once   0/1     Completed   0          ${AGE}$`));
    const d = runAt(s, 'm-k8s', 'kubectl describe pod fail').text;
    expect(d).toMatch(/\nStatus: {7}Failed\n/);
    expect(section(d, '    Command:').length).toBe(1);
    expect(section(d, '    Args:')).toEqual(['    Args:', '      sh', '      -c', '      exit 2']);
    expect(section(d, '    State:').slice(0, 3)).toEqual([
      '    State:          Terminated',
      '      Reason:       Error',
      '      Exit Code:    2',
    ]);
  });

  it('refuses a restart policy kubectl does not know', () => {
    const s = new Session();
    const r = runAt(s, 'm-k8s', 'kubectl run x --image=busybox --restart=Sometimes');
    expect(r.text).toBe(
      "error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples",
    );
    expect(r.code).toBe(1);
  });
});
