// The inspectors' rows as plain data, computed as kubectl's printers compute them, so a
// table reads the same as `kubectl get` at the same moment. Pure: tested without a DOM.
import { age } from '../../shell/humanDuration';
import { nodeRoles, nodeStatus } from '../../shell/kubectl/printers';
import type { ComponentView, Envelope, EtcdKeyView, KubeEvent, KubeObject, Node, Pod } from '../../sim';
import { podReadyText, podRestarts, podStatusText } from '../../sim/podStatus';

const none = '<none>';

/** What kubectl prints on stderr when a list is empty. */
export function noResources(allNamespaces: boolean, namespace = 'default'): string {
  return allNamespaces ? 'No resources found' : `No resources found in ${namespace} namespace.`;
}

export interface EventRow {
  readonly key: string;
  readonly namespace: string;
  readonly lastSeen: string;
  readonly type: KubeEvent['type'];
  readonly reason: string;
  readonly object: string;
  readonly message: string;
}

/**
 * `kubectl get events`: the newest last, so a live table grows at the bottom as a
 * terminal does; only the last `cap`, since a failing pod repeats its events for ever.
 */
export function eventRows(
  objects: readonly KubeObject[],
  now: number,
  opts: { allNamespaces: boolean; cap: number; namespace?: string },
): { rows: EventRow[]; hidden: number } {
  const ns = opts.namespace ?? 'default';
  const events = objects
    .filter((o): o is KubeEvent => o.kind === 'Event')
    .filter((e) => opts.allNamespaces || (e.metadata.namespace ?? 'default') === ns)
    .sort((a, b) => a.lastTimestamp - b.lastTimestamp || (a.metadata.name < b.metadata.name ? -1 : 1));
  const shown = events.slice(Math.max(0, events.length - opts.cap));
  const rows = shown.map((e) => {
    const last = age(now, e.lastTimestamp);
    return {
      key: `${e.metadata.namespace ?? ''}/${e.metadata.name}`,
      namespace: e.metadata.namespace ?? 'default',
      // kubectl 1.18 folds repeats into one line: "5s (x3 over 40s)".
      lastSeen: e.count > 1 ? `${last} (x${e.count} over ${age(now, e.firstTimestamp)})` : last,
      type: e.type,
      reason: e.reason,
      object: `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`,
      message: e.message,
    };
  });
  return { rows, hidden: events.length - shown.length };
}

export interface PodRow {
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly ready: string;
  readonly status: string;
  readonly restarts: string;
  readonly age: string;
  readonly ip: string;
  readonly node: string;
}

/** `kubectl get pods -o wide` (without its two always-empty columns), by namespace then name. */
export function podRows(
  objects: readonly KubeObject[],
  now: number,
  opts: { allNamespaces: boolean; namespace?: string },
): PodRow[] {
  const ns = opts.namespace ?? 'default';
  return objects
    .filter((o): o is Pod => o.kind === 'Pod')
    .filter((p) => opts.allNamespaces || (p.metadata.namespace ?? 'default') === ns)
    .map((p) => {
      const namespace = p.metadata.namespace ?? 'default';
      return {
        key: `${namespace}/${p.metadata.name}`,
        namespace,
        name: p.metadata.name,
        ready: podReadyText(p),
        status: podStatusText(p),
        restarts: String(podRestarts(p)),
        age: age(now, p.metadata.creationTimestamp),
        ip: p.status.podIP ?? none,
        node: p.spec.nodeName ?? none,
      };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export interface NodeRow {
  readonly name: string;
  readonly status: string;
  readonly roles: string;
  readonly age: string;
  readonly version: string;
}

/** `kubectl get nodes`: STATUS is Ready only while the Ready condition is True. */
export function nodeRows(objects: readonly KubeObject[], now: number): NodeRow[] {
  return objects
    .filter((o): o is Node => o.kind === 'Node')
    .map((n) => ({
      name: n.metadata.name,
      status: nodeStatus(n),
      roles: nodeRoles(n),
      age: age(now, n.metadata.creationTimestamp),
      version: n.status.nodeInfo.kubeletVersion,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The keys whose last change is among the `n` latest: what the last few writes touched. */
export function recentKeys(keys: readonly EtcdKeyView[], n: number): ReadonlySet<string> {
  const latest = [...keys].sort((a, b) => b.modRevision - a.modRevision).slice(0, n);
  return new Set(latest.map((k) => k.key));
}

export interface MessageRow {
  readonly id: number;
  readonly at: number;
  readonly direction: 'sent' | 'received';
  readonly peer: string;
  readonly kind: string;
  readonly summary: string;
  /** Sent but not yet delivered at `now`. */
  readonly inFlight: boolean;
}

/**
 * The last `n` messages a component sent or received by `now`, oldest first. The
 * trace is ordered by sentAt, so this walks back from `now` and stops after `n`.
 */
export function componentMessages(
  envelopes: readonly Envelope[],
  id: string,
  now: number,
  n: number,
  skip?: (e: Envelope) => boolean,
): MessageRow[] {
  let lo = 0;
  let hi = envelopes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((envelopes[mid] as Envelope).sentAt <= now) lo = mid + 1;
    else hi = mid;
  }
  const out: MessageRow[] = [];
  for (let i = lo - 1; i >= 0 && out.length < n; i--) {
    const e = envelopes[i] as Envelope;
    if ((e.from !== id && e.to !== id) || skip?.(e)) continue;
    const sent = e.from === id;
    out.push({
      id: e.id,
      at: e.sentAt,
      direction: sent ? 'sent' : 'received',
      peer: sent ? e.to : e.from,
      kind: e.kind,
      summary: e.summary,
      inFlight: e.deliverAt > now,
    });
  }
  return out.reverse();
}

/**
 * A node's heartbeat and its echoes: every kubelet renews its Lease every 10 s and posts its
 * node's status once a minute (or when it changes), and the API server tells every watcher,
 * so after a minute these fill a component's recent messages and hide the one a student wants.
 */
export function isNodeHeartbeat(e: Envelope): boolean {
  return (
    e.kind === 'api.updateStatus.nodes' ||
    e.kind === 'watch.nodes.modified' ||
    e.kind === 'api.update.leases' ||
    e.kind === 'watch.leases.modified' ||
    (e.kind === 'api.response' && /^200 (nodes\/[^/]+\/status|leases\/[^/]+)$/.test(e.summary)) ||
    (e.kind === 'etcd.txn' &&
      (e.summary.startsWith('put /registry/minions/') || e.summary.startsWith('put /registry/leases/')))
  );
}

/** Cluster time as the timeline shows it: seconds with milliseconds. */
export function simSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

export function findComponent(components: readonly ComponentView[], id: string): ComponentView | undefined {
  return components.find((c) => c.id === id);
}
