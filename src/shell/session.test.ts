// A session's log replays to the same lab: same seed and inputs, same outputs and trace.
import { describe, expect, it } from 'vitest';
import type { SimMs } from '../sim/units';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

describe('Session replay', () => {
  it('gives the same outputs and the same trace from the same seed and log', () => {
    const a = new Session({ seed: 1 });
    const outputs: string[] = [];
    const lines: [string, string][] = [
      ['m-k8s', 'kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml'],
      ['m-k8s', 'sleep 15'],
      ['m-k8s', 'kubectl get pods -o wide'],
      ['w2-k8s', 'systemctl stop kubelet'],
      ['m-k8s', 'kubectl delete pod nginx-pod'],
      ['m-k8s', 'kubectl get pods'],
    ];
    for (const [host, line] of lines) outputs.push(runAt(a, host, line, 30_000).text);
    wait(a, 5);
    expect(a.log.some((e) => 'interrupt' in e)).toBe(true);

    const jobs: string[] = [];
    const b = Session.replay({ seed: 1 }, a.log, a.now());
    for (const e of b.log) if ('line' in e) jobs.push(e.line);
    expect(jobs).toEqual(lines.map(([, l]) => l));
    expect(b.now()).toBe(a.now());
    expect(b.cluster.trace.length).toBe(a.cluster.trace.length);
    expect(b.cluster.trace.all().map((m) => m.summary)).toEqual(a.cluster.trace.all().map((m) => m.summary));

    // A third run, read back through its own shells, prints what the first printed.
    const c = Session.replay({ seed: 1 }, a.log.slice(0, 3));
    c.advanceTo(((a.log[3]?.at ?? 0) - 1) as SimMs);
    expect(
      runAt(c, 'm-k8s', 'kubectl get pods -o wide').text.split('\n')[1]?.split(/\s+/).slice(0, 4),
    ).toEqual(outputs[2]?.split('\n')[1]?.split(/\s+/).slice(0, 4));
  });
});
