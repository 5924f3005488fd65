// The RollingUpdate arithmetic of the deployment controller (1.18 defaults: 25 % surge
// rounded up, 25 % unavailable rounded down), one step at a time.
import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../objects';
import type { SimMs } from '../units';
import { fenceposts, planRollout, REVISION } from './rollout';

const template = (image: string) => ({ labels: { app: 'web' }, containers: [{ name: 'nginx', image }] });

function deployment(image: string, replicas = 3): Deployment {
  return {
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: 'd1',
      resourceVersion: 1,
      creationTimestamp: 0 as SimMs,
    },
    spec: { replicas, selector: { app: 'web' }, template: template(image) },
    status: { replicas: 0, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 0 },
  };
}

function rs(
  name: string,
  image: string,
  revision: number,
  replicas: number,
  ready: number,
  at = 0,
): ReplicaSet {
  const t = template(image);
  return {
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: name,
      resourceVersion: 1,
      creationTimestamp: at as SimMs,
      annotations: { [REVISION]: String(revision) },
      ownerReferences: [{ kind: 'Deployment', name: 'web', uid: 'd1' }],
    },
    spec: {
      replicas,
      selector: { app: 'web' },
      template: { ...t, labels: { ...t.labels, 'pod-template-hash': name } },
    },
    status: { replicas, readyReplicas: ready },
  };
}

describe('planRollout', () => {
  it('rounds the fenceposts as ResolveFenceposts does', () => {
    expect([1, 3, 4, 10].map(fenceposts)).toEqual([
      { surge: 1, unavailable: 0 },
      { surge: 1, unavailable: 0 },
      { surge: 1, unavailable: 1 },
      { surge: 3, unavailable: 2 },
    ]);
  });

  it('creates the first ReplicaSet at full size, a later one at the surge', () => {
    expect(planRollout(deployment('nginx:1'), [])).toEqual({ kind: 'create', replicas: 3, revision: 1 });
    expect(planRollout(deployment('nginx:2'), [rs('a', 'nginx:1', 1, 3, 3)])).toEqual({
      kind: 'create',
      replicas: 1,
      revision: 2,
    });
  });

  it('scales the old one down only as far as availability allows, then the new one up', () => {
    const d = deployment('nginx:2');
    // New pod not ready yet: nothing old may go (maxUnavailable 0 for 3 replicas).
    expect(planRollout(d, [rs('a', 'nginx:1', 1, 3, 3), rs('b', 'nginx:2', 2, 1, 0, 5)])).toEqual({
      kind: 'none',
    });
    const ready = [rs('a', 'nginx:1', 1, 3, 3), rs('b', 'nginx:2', 2, 1, 1, 5)];
    const down = planRollout(d, ready);
    expect(down).toMatchObject({ kind: 'scale', replicas: 2 });
    expect(down.kind === 'scale' && down.rs.metadata.name).toBe('a');
    expect(planRollout(d, [rs('a', 'nginx:1', 1, 2, 2), rs('b', 'nginx:2', 2, 1, 1, 5)])).toMatchObject({
      kind: 'scale',
      replicas: 2,
    });
    expect(planRollout(d, [rs('a', 'nginx:1', 1, 0, 0), rs('b', 'nginx:2', 2, 3, 3, 5)])).toEqual({
      kind: 'none',
    });
  });

  it('makes an older ReplicaSet whose template came back the newest revision (undo)', () => {
    const step = planRollout(deployment('nginx:1'), [
      rs('a', 'nginx:1', 1, 0, 0),
      rs('b', 'nginx:2', 2, 3, 3, 5),
    ]);
    expect(step).toMatchObject({ kind: 'adopt', revision: 3 });
  });
});
