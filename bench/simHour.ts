// One virtual hour of the ready lab with a 100-replica Deployment and a worker
// that dies and has its pods evicted (DESIGN budget: ≤ 500 ms in Node).

import type { SimMs } from './benchDeps';
import { createCluster, deployment } from './benchDeps';

export interface SimHourResult {
  readonly wallMs: number;
  readonly messages: number;
  readonly running: number;
}

export function simHour(seed = 1): SimHourResult {
  const start = performance.now();
  const c = createCluster({ seed });
  const d = deployment(
    'web',
    'default',
    100,
    { labels: { app: 'web' }, containers: [{ name: 'nginx', image: 'nginx' }] },
    0 as SimMs,
  );
  c.request('m-k8s', { verb: 'create', resource: 'deployments', namespace: 'default', body: d }, () => {});
  c.advanceTo(600_000 as SimMs);
  c.dispatch({ type: 'host.poweroff', host: 'w3-k8s' });
  c.advanceTo(3_600_000 as SimMs);
  const wallMs = performance.now() - start;
  const running = c.pods().filter((p) => p.namespace === 'default' && p.status === 'Running').length;
  return { wallMs, messages: c.trace.length, running };
}
