import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim';
import { advance, createPod } from '../sim/testing/fixtures';
import { BookStepReader } from './bookSteps';

describe("the book's steps, read off the trace's causes", () => {
  it('finds steps 1 to 8 of kubectl create nginx-pod in order, each where the book puts it', () => {
    const c = createCluster();
    createPod(c);
    advance(c, 30);
    const reader = new BookStepReader();
    const steps = reader.read(c.trace.all());
    const book = c.trace.all().filter((e) => e.subject === 'pods/nginx-pod' && steps.has(e.id));
    const of = (n: number) => book.filter((e) => steps.get(e.id) === n);
    const firsts = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => book.findIndex((e) => steps.get(e.id) === n));
    expect(firsts.every((i) => i >= 0)).toBe(true);
    expect([...firsts].sort((a, b) => a - b)).toEqual(firsts);
    expect(of(1)[0]).toMatchObject({ from: 'kubectl@m-k8s', to: 'apiserver', kind: 'api.create.pods' });
    expect(of(2).map((e) => e.kind)).toContain('etcd.txn');
    expect(of(3)[0]).toMatchObject({ from: 'apiserver', to: 'controller-manager', kind: 'watch.pods.added' });
    expect(of(4)[0]).toMatchObject({ from: 'apiserver', to: 'scheduler' });
    expect(of(4).some((e) => e.kind === 'api.bind.pods')).toBe(true);
    expect(of(5)[0]).toMatchObject({ to: 'kubelet@w2-k8s', kind: 'watch.pods.added' });
    expect(of(6).map((e) => e.kind)).toEqual(
      expect.arrayContaining(['cri.runPodSandbox', 'cni.add', 'cri.pullImage']),
    );
    expect(of(7).map((e) => e.kind)).toEqual(
      expect.arrayContaining(['cri.createContainer', 'cri.startContainer', 'container.started']),
    );
    expect(of(8)[0]).toMatchObject({ from: 'kubelet@w2-k8s', kind: 'api.updateStatus.pods' });
    // kubectl's answer belongs to its request's step; so does the kubelet's.
    const answer = book.find((e) => e.kind === 'api.response' && e.to === 'kubectl@m-k8s');
    expect(answer && steps.get(answer.id)).toBe(1);
    // Other pods' messages and the lab's own traffic are no step of this pod.
    expect(c.trace.all().filter((e) => e.subject?.startsWith('nodes/') && steps.has(e.id))).toEqual([]);
  });
});
