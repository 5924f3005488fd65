// Small builders shared by the simulation's tests.
import type { SimCluster } from '../api';
import type { Pod } from '../objects';
import type { ApiResponse } from '../protocol';
import { seconds } from '../units';

/** nginx-pod.yaml of the book (k8s-facts §1.2), as kubectl sends it. */
export function nginxPod(name = 'nginx-pod'): Pod {
  return {
    kind: 'Pod',
    metadata: { name, uid: '', resourceVersion: 0, creationTimestamp: seconds(0) },
    spec: {
      containers: [{ name: 'container-name', image: 'nginx' }],
      tolerations: [],
      terminationGracePeriodSeconds: 30,
    },
    status: { phase: 'Pending', conditions: [], containerStatuses: [] },
  };
}

export function createPod(c: SimCluster, pod: Pod = nginxPod()): ApiResponse[] {
  const answers: ApiResponse[] = [];
  c.request('m-k8s', { verb: 'create', resource: 'pods', namespace: 'default', body: pod }, (r) =>
    answers.push(r),
  );
  return answers;
}

export function podLine(c: SimCluster, name = 'nginx-pod', namespace = 'default'): string {
  const p = c.pods().find((x) => x.name === name && x.namespace === namespace);
  return p ? `${p.status} ${p.ready} ${p.restarts} ${p.ip ?? '<none>'} ${p.node ?? '<none>'}` : 'gone';
}

export function nodeReady(c: SimCluster, name: string): string | undefined {
  return c
    .nodes()
    .find((n) => n.metadata.name === name)
    ?.status.conditions.find((x) => x.type === 'Ready')?.status;
}

export function advance(c: SimCluster, s: number): void {
  c.advanceTo((c.now + s * 1000) as never);
}
