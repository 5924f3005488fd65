// The events the book's setup leaves behind, for the ready lab (which is written
// straight into etcd rather than built by kubeadm): each node's kubelet starting and
// reporting its conditions, the node controller registering it, kube-proxy starting,
// and the node turning Ready once Calico runs on it. They are less than an hour old
// (the API server's --event-ttl), so `kubectl get events` lists them, as on a real lab.
import type { KubeEvent } from '../objects';
import type { SimMs } from '../units';
import { seconds } from '../units';

export interface NodeSetup {
  readonly name: string;
  /** When its kubelet registered the Node (its creationTimestamp). */
  readonly joinedAt: SimMs;
  /** When kube-proxy started on it. */
  readonly proxyAt: SimMs;
  /** When the kubelet reported Ready (after Calico's pod ran there). */
  readonly readyAt: SimMs;
}

/**
 * One node's events, as its kubelet (pkg/kubelet/nodestatus/setters.go, kubelet.go),
 * the node lifecycle controller and kube-proxy record them. Counts are 1: a real master's
 * kubelet often repeats NodeHasSufficient* while the API server starts (x7, x8) — not modelled.
 */
export function nodeSetupEvents(n: NodeSetup, wallClockEpochMs: number): KubeEvent[] {
  // The lab's wall clock at cluster time 0: its profile's era (July 2020, May 2026).
  const epoch = BigInt(wallClockEpochMs);
  let seq = 0;
  // The nanoseconds below the lab's millisecond clock: fixed per node, so the ready lab's
  // events are the same whatever the seed (the page's first picture is drawn before it runs).
  let spread = 0;
  for (const ch of n.name) spread = (spread * 31 + ch.charCodeAt(0)) % 997;
  const ev = (at: SimMs, reason: string, message: string, source: KubeEvent['source']): KubeEvent => ({
    kind: 'Event',
    metadata: {
      // client-go names an event `<object>.<the time in ns, in hex>` (%x of UnixNano), so
      // the API server lists one object's events in the order they happened.
      name: `${n.name}.${((epoch + BigInt(at)) * 1_000_000n + BigInt(seq++ * 1000 + spread)).toString(16)}`,
      namespace: 'default',
      uid: '',
      resourceVersion: 0,
      creationTimestamp: at,
    },
    // The kubelet's reference to its Node uses the node's name as its UID.
    involvedObject: { kind: 'Node', name: n.name, uid: n.name },
    type: 'Normal',
    reason,
    message,
    source,
    firstTimestamp: at,
    lastTimestamp: at,
    count: 1,
  });
  const kubelet = { component: 'kubelet', host: n.name };
  const status = (s: string) => `Node ${n.name} status is now: ${s}`;
  return [
    ev(n.joinedAt, 'Starting', 'Starting kubelet.', kubelet),
    ev(n.joinedAt, 'NodeHasSufficientMemory', status('NodeHasSufficientMemory'), kubelet),
    ev(n.joinedAt, 'NodeHasNoDiskPressure', status('NodeHasNoDiskPressure'), kubelet),
    ev(n.joinedAt, 'NodeHasSufficientPID', status('NodeHasSufficientPID'), kubelet),
    ev(n.joinedAt, 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods', kubelet),
    ev(
      (n.joinedAt + seconds(5)) as SimMs,
      'RegisteredNode',
      `Node ${n.name} event: Registered Node ${n.name} in Controller`,
      { component: 'node-controller' },
    ),
    ev(n.proxyAt, 'Starting', 'Starting kube-proxy.', { component: 'kube-proxy', host: n.name }),
    ev(n.readyAt, 'NodeReady', status('NodeReady'), kubelet),
  ];
}
