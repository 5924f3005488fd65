// One virtual hour of the ready lab: a 100-replica Deployment, then w3-k8s powered off at
// 10 min and its pods evicted and replaced. The bench times it (bench/simHour.ts) and the
// trace fingerprints pin it (src/proof/traceFingerprints.test.ts): one scenario, two uses.
import type { SimCluster } from '../api';
import { createCluster } from '../cluster';
import { deployment } from '../labs/addons';
import type { SimMs } from '../units';

export function simHourCluster(seed: number): SimCluster {
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
  return c;
}
