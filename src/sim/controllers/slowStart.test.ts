// The ReplicaSet controller's slow start and burst limit (replica_set.go, docs/FACTS-costs.md).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { deployment } from '../labs/addons';
import type { SimMs } from '../units';
import { BURST_REPLICAS, slowStartBatch } from './slowStart';

/** Runs a slow start whose answers come back one batch at a time, failing the `failAt`-th call. */
function run(count: number, failAt = Number.POSITIVE_INFINITY) {
  const waiting: (() => void)[] = [];
  const batches: number[] = [];
  let calls = 0;
  let result: [number, number] | undefined;
  slowStartBatch(
    count,
    (done) => {
      calls += 1;
      const ok = calls !== failAt;
      waiting.push(() => done(ok));
    },
    (s, skipped) => {
      result = [s, skipped];
    },
  );
  while (waiting.length > 0) {
    batches.push(waiting.length);
    for (const answer of waiting.splice(0)) answer();
  }
  return { batches, result };
}

describe('slowStartBatch', () => {
  it('sends 1, 2, 4, ... and the rest, each batch after the one before is answered', () => {
    expect(run(10)).toEqual({ batches: [1, 2, 4, 3], result: [10, 0] });
    expect(run(1)).toEqual({ batches: [1], result: [1, 0] });
  });

  it('stops after a batch with a failure and says how many it never tried', () => {
    expect(run(10, 3)).toEqual({ batches: [1, 2], result: [2, 7] });
  });
});

/** The controller manager's pod creates, grouped by the moment they were sent. */
function createBatches(replicas: number, until: number): number[] {
  const c = createCluster({ seed: 1, workers: 3 });
  const d = deployment(
    'big',
    'default',
    replicas,
    { labels: { app: 'big' }, containers: [{ name: 'nginx', image: 'nginx' }] },
    0 as SimMs,
  );
  c.request('m-k8s', { verb: 'create', resource: 'deployments', namespace: 'default', body: d }, () => {});
  c.advanceTo(until as SimMs);
  const sizes = new Map<number, number>();
  for (const e of c.trace.all())
    if (e.from === 'controller-manager' && e.kind === 'api.create.pods')
      sizes.set(e.sentAt, (sizes.get(e.sentAt) ?? 0) + 1);
  return [...sizes.values()];
}

describe('the ReplicaSet controller', () => {
  it('creates a Deployment’s pods in slow-start batches', () => {
    const batches = createBatches(10, 30_000);
    // 1, 2, 4, then the last 3 (spread out when the client's rate limit runs out of tokens).
    expect(batches.slice(0, 3)).toEqual([1, 2, 4]);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('sends a Deployment of 100,000 no faster than --kube-api-qps 20 with bursts of 30', {
    timeout: 60_000,
  }, () => {
    const c = createCluster({ seed: 1, workers: 3 });
    const d = deployment(
      'big',
      'default',
      100_000,
      { labels: { app: 'big' }, containers: [{ name: 'nginx', image: 'nginx' }] },
      0 as SimMs,
    );
    c.request('m-k8s', { verb: 'create', resource: 'deployments', namespace: 'default', body: d }, () => {});
    c.advanceTo(30_000 as SimMs);
    const sent = c.trace.all().filter((e) => e.from === 'controller-manager' && e.kind.startsWith('api.'));
    // A token bucket of 30 refilled at 20 a second: never more than 30 + 20 a second in any window.
    for (const e of sent) {
      const window = sent.filter((x) => x.sentAt >= e.sentAt && x.sentAt < e.sentAt + 5000).length;
      expect(window).toBeLessThanOrEqual(30 + 20 * 5);
    }
    expect(sent.length).toBeGreaterThan(20 * 25);
    expect(BURST_REPLICAS).toBe(500);
  });
});
