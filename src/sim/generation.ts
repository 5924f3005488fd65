// metadata.generation of the workloads (and of pods where the profile says so): the API server sets 1 on create and adds
// one whenever a write changes the spec (status writes never do), so a controller
// can say which spec it has acted on (status.observedGeneration) and
// `kubectl rollout status` can wait until it has.
import type { KubeObject } from './objects';

const withGeneration = new Set<KubeObject['kind']>(['Deployment', 'ReplicaSet', 'DaemonSet']);

/** `pods`: the API server gives pods a generation too (PodObservedGenerationTracking, the profile's `apiServer.podGeneration`). */
export function firstGeneration(o: KubeObject, pods = false): KubeObject {
  if (!withGeneration.has(o.kind) && !(pods && o.kind === 'Pod')) return o;
  return { ...o, metadata: { ...o.metadata, generation: 1 } } as KubeObject;
}

/** The written object with its generation moved on if its spec differs from the stored one. */
export function nextGeneration(prev: KubeObject, next: KubeObject, pods = false): KubeObject {
  const counted = withGeneration.has(next.kind) || (pods && next.kind === 'Pod');
  if (next === prev || !counted || !('spec' in prev) || !('spec' in next)) return next;
  if (JSON.stringify(prev.spec) === JSON.stringify(next.spec)) return next;
  const generation = (prev.metadata.generation ?? 1) + 1;
  return { ...next, metadata: { ...next.metadata, generation } } as KubeObject;
}
