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
  onCreated?: (name: string) => void,
  fieldPath?: string,
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
      ...(fieldPath ? { fieldPath } : {}),
    },
    type,
    reason,
    message,
    source,
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
  };
  client.request(
    { verb: 'create', resource: 'events', namespace: ev.metadata.namespace, body: ev },
    onCreated
      ? (res) => {
          if (res.ok && res.object) onCreated(res.object.metadata.name);
        }
      : undefined,
  );
}

/**
 * client-go's event correlator, as a kubelet's recorder uses it: the same event
 * (object, type, reason, message) seen again within 10 minutes updates the stored
 * event's count and last time instead of making a new one — `(x6 over 2m)` in describe.
 */
export class EventRecorder {
  private readonly seen = new Map<string, { name?: string; namespace: string; count: number; at: number }>();

  constructor(
    private readonly client: ApiClient,
    private readonly source: () => KubeEvent['source'],
  ) {}

  reset(): void {
    this.seen.clear();
  }

  record(
    now: SimMs,
    involved: KubeObject,
    type: KubeEvent['type'],
    reason: string,
    message: string,
    fieldPath?: string,
  ): void {
    // getEventKey: the involved object with its field path, type, reason and message.
    const key = `${involved.metadata.uid}|${fieldPath ?? ''}|${type}|${reason}|${message}`;
    const prior = this.seen.get(key);
    const namespace = involved.metadata.namespace ?? 'default';
    if (prior?.name && now - prior.at <= 600_000) {
      prior.count += 1;
      prior.at = now;
      const count = prior.count;
      this.client.request({
        verb: 'patch',
        resource: 'events',
        namespace,
        name: prior.name,
        patch: (o) => (o.kind === 'Event' ? { ...o, count, lastTimestamp: now } : o),
      });
      return;
    }
    const entry = { namespace, count: 1, at: now } as {
      name?: string;
      namespace: string;
      count: number;
      at: number;
    };
    this.seen.set(key, entry);
    recordEvent(
      this.client,
      now,
      involved,
      type,
      reason,
      message,
      this.source(),
      (name) => {
        entry.name = name;
      },
      fieldPath,
    );
  }
}
