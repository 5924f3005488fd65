// Kubernetes Events, as components record them through the API server.
import type { ApiClient } from './client';
import type { KubeEvent, KubeObject } from './objects';
import type { SimMs } from './units';

export function recordEvent(
  client: ApiClient,
  now: SimMs,
  involved: KubeObject,
  type: KubeEvent['type'],
  reason: string,
  message: string,
  source: KubeEvent['source'],
): void {
  const ev: KubeEvent = {
    kind: 'Event',
    metadata: {
      name: '',
      generateName: `${involved.metadata.name}.`,
      namespace: involved.metadata.namespace ?? 'default',
      uid: '',
      resourceVersion: 0,
      creationTimestamp: now,
    },
    involvedObject: {
      kind: involved.kind,
      name: involved.metadata.name,
      ...(involved.metadata.uid ? { uid: involved.metadata.uid } : {}),
      ...(involved.metadata.namespace ? { namespace: involved.metadata.namespace } : {}),
    },
    type,
    reason,
    message,
    source,
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
  };
  client.request({ verb: 'create', resource: 'events', namespace: ev.metadata.namespace, body: ev });
}
