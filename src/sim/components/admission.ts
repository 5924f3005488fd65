// What the API server does to an object before storing it: names from
// generateName, uid, timestamps, and for pods the defaults and the
// DefaultTolerationSeconds admission plugin's two 300 s tolerations.
import { podSuffix } from '../names';
import type { KubeObject, Pod, Toleration } from '../objects';
import { isMirrorPod, namespaced, resourceOfKind } from '../objects';
import type { Rng } from '../rng';
import type { SimMs } from '../units';

const defaultTolerations: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

export function uid(rng: Rng): string {
  const hex = '0123456789abcdef';
  const part = (n: number) => rng.string(hex, n);
  return `${part(8)}-${part(4)}-${part(4)}-${part(4)}-${part(12)}`;
}

const dns1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The API server's name validation (a DNS-1123 subdomain), in kubectl's words; undefined if valid. */
export function invalidName(obj: KubeObject): string | undefined {
  const name = obj.metadata.name;
  if (!name || (dns1123.test(name) && name.length <= 253)) return undefined;
  return `The ${obj.kind} "${name}" is invalid: metadata.name: Invalid value: "${name}": a DNS-1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`;
}

export function admit(obj: KubeObject, now: SimMs, rng: Rng): KubeObject {
  const meta = obj.metadata;
  const name = meta.name || `${meta.generateName ?? ''}${podSuffix(rng)}`;
  const metadata = {
    ...meta,
    name,
    namespace: namespaced[resourceOfKind[obj.kind]] ? (meta.namespace ?? 'default') : undefined,
    uid: meta.uid || uid(rng),
    creationTimestamp: now,
  };
  if (obj.kind !== 'Pod') return { ...obj, metadata } as KubeObject;
  const pod: Pod = obj;
  // A mirror pod reports what the kubelet already runs from a file.
  if (isMirrorPod(pod)) return { ...pod, metadata };
  const has = (t: Toleration) => pod.spec.tolerations.some((x) => x.key === t.key && x.effect === t.effect);
  const tolerations = [...pod.spec.tolerations, ...defaultTolerations.filter((t) => !has(t))];
  return {
    ...pod,
    metadata,
    spec: {
      ...pod.spec,
      tolerations,
      terminationGracePeriodSeconds: pod.spec.terminationGracePeriodSeconds ?? 30,
    },
    status: { phase: 'Pending', conditions: [], containerStatuses: [] },
  };
}
