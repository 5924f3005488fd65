// What the API server does to an object before storing it: names from
// generateName, uid, timestamps, and for pods the defaults and admission plugins
// of podDefaults.ts.
import { podSuffix } from '../names';
import type { KubeObject } from '../objects';
import { isMirrorPod, namespaced, resourceOfKind } from '../objects';
import type { TokenVolumeKind } from '../podDefaults';
import { podAdmission, podSpecDefaults, qosClass } from '../podDefaults';
import type { Rng } from '../rng';
import type { SimMs } from '../units';
import { deferManagedFields } from '../wire/deferredFields';
import { updateManagedFields } from '../wire/managedFields';

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

/** What the request says once decoded with its defaults: what the field manager records. */
export function decoded(obj: KubeObject): KubeObject {
  return obj.kind === 'Pod' ? podSpecDefaults(obj) : obj;
}

export function admit(
  obj: KubeObject,
  now: SimMs,
  rng: Rng,
  manager?: string,
  tokenVolume: TokenVolumeKind = 'secret',
): KubeObject {
  const meta = obj.metadata;
  const name = meta.name || `${meta.generateName ?? ''}${podSuffix(rng)}`;
  const admitted = {
    ...meta,
    name,
    namespace: namespaced[resourceOfKind[obj.kind]] ? (meta.namespace ?? 'default') : undefined,
    uid: meta.uid || uid(rng),
    creationTimestamp: now,
  };
  // What the request said, not what admission made of it, is what its manager owns.
  const metadata = manager
    ? deferManagedFields(admitted, undefined, () =>
        updateManagedFields(undefined, decoded(obj), manager, now),
      )
    : admitted;
  if (obj.kind !== 'Pod') return { ...obj, metadata } as KubeObject;
  const pod = podAdmission(
    podSpecDefaults({ ...obj, metadata }),
    metadata.namespace ?? 'default',
    tokenVolume,
  );
  // A mirror pod reports what the kubelet already runs from a file.
  if (isMirrorPod(pod)) return pod;
  return {
    ...pod,
    status: { phase: 'Pending', qosClass: qosClass(pod), conditions: [], containerStatuses: [] },
  };
}
