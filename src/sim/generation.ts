// metadata.generation of the workloads: the API server sets 1 on create and adds
// one whenever a write changes the spec (status writes never do), so a controller
// can say which spec it has acted on (status.observedGeneration) and
// `kubectl rollout status` can wait until it has.
import type { KubeObject } from './objects';

const withGeneration = new Set<KubeObject['kind']>(['Deployment', 'ReplicaSet', 'DaemonSet']);

export function firstGeneration(o: KubeObject): KubeObject {
  if (!withGeneration.has(o.kind)) return o;
  return { ...o, metadata: { ...o.metadata, generation: 1 } } as KubeObject;
}

/** The written object with its generation moved on if its spec differs from the stored one. */
export function nextGeneration(prev: KubeObject, next: KubeObject): KubeObject {
  if (next === prev || !withGeneration.has(next.kind) || !('spec' in prev) || !('spec' in next)) return next;
  if (JSON.stringify(prev.spec) === JSON.stringify(next.spec)) return next;
  const generation = (prev.metadata.generation ?? 1) + 1;
  return { ...next, metadata: { ...next.metadata, generation } } as KubeObject;
}
