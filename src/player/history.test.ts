import { describe, expect, it } from 'vitest';
import type { Pod } from '../sim';
import { createCluster, ms } from '../sim';
import { advance, createPod } from '../sim/testing/fixtures';
import { History } from './history';

describe('History', () => {
  it('keeps the stored objects with each frame, as they were at that time', () => {
    const c = createCluster();
    const h = new History();
    const before = h.record(c);
    createPod(c);
    advance(c, 30);
    const after = h.record(c);
    const pod = (f: typeof before) =>
      f.objects.find((o): o is Pod => o.kind === 'Pod' && o.metadata.name === 'nginx-pod');
    expect(pod(before)).toBeUndefined();
    expect(pod(after)?.status.phase).toBe('Running');
    expect(h.at(0)?.objects).toBe(before.objects);
  });

  it('reuses the previous objects while etcd’s revision has not moved', () => {
    const c = createCluster();
    const h = new History();
    const first = h.record(c);
    // Nothing is written between two frames a millisecond apart in an idle cluster.
    c.advanceTo(ms(c.now + 1));
    const second = h.record(c);
    expect(second.etcdRevision).toBe(first.etcdRevision);
    expect(second.objects).toBe(first.objects);
    createPod(c);
    advance(c, 1);
    const third = h.record(c);
    expect(third.etcdRevision).toBeGreaterThan(first.etcdRevision);
    expect(third.objects).not.toBe(first.objects);
  });
});
