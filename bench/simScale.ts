// A big cluster and a crowded one (issue 14): a Deployment of `replicas` over `workers`
// workers, run for `minutes` of cluster time, in Node. The first is sim-scale-100x5000
// (every pod finds a node), the second sim-pending-3x2000 (most pods stay Pending).

import type { SimMs } from './benchDeps';
import { createCluster, deployment } from './benchDeps';

export interface SimScaleResult {
  readonly wallMs: number;
  readonly messages: number;
  readonly running: number;
  readonly pending: number;
}

export function simScale(workers: number, replicas: number, minutes: number, seed = 1): SimScaleResult {
  const start = performance.now();
  const c = createCluster({ seed, workers });
  const d = deployment(
    'big',
    'default',
    replicas,
    { labels: { app: 'big' }, containers: [{ name: 'nginx', image: 'nginx' }] },
    0 as SimMs,
  );
  c.request('m-k8s', { verb: 'create', resource: 'deployments', namespace: 'default', body: d }, () => {});
  c.advanceTo((minutes * 60_000) as SimMs);
  const wallMs = performance.now() - start;
  const pods = c.pods().filter((p) => p.namespace === 'default');
  return {
    wallMs,
    messages: c.trace.length,
    running: pods.filter((p) => p.status === 'Running').length,
    pending: pods.filter((p) => p.status === 'Pending').length,
  };
}
