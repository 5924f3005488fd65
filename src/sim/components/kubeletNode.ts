// What a kubelet tells the API server about its node: the status it posts on a change or
// once a minute (and the Ready/NotReady events), registering the Node when there is none (kubeadm
// join), and, on the master, the mirror pods of the static control-plane pods.
import type { ApiClient } from '../client';
import { KUBELET_CONDITIONS } from '../controllers/nodeLifecycle';
import { recordEvent } from '../events';
import type { NodeImage } from '../images';
import type { Informer } from '../informer';
import type { ControlPlaneManifest } from '../inputs';
import { nodeMachine } from '../labs/hosts';
import type { KubeEvent, KubeObject, Node, Pod } from '../objects';
import { isMirrorPod } from '../objects';
import type { SimMs } from '../units';
import type { HostRecord, World } from '../world';
import { mirrorPod, newNode, nodeConditions, plegUnhealthy } from './kubeletStatus';

/** What a starting kubelet records about its node, in the order it records it. */
function startingEvents(node: string): [string, string][] {
  const status = (s: string): [string, string] => [s, `Node ${node} status is now: ${s}`];
  return [
    ['Starting', 'Starting kubelet.'],
    status('NodeHasSufficientMemory'),
    status('NodeHasNoDiskPressure'),
    status('NodeHasSufficientPID'),
    ['NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods'],
  ];
}

export interface NodeReporterDeps {
  readonly client: ApiClient;
  readonly world: World;
  readonly node: string;
  readonly now: () => SimMs;
  readonly source: () => KubeEvent['source'];
  readonly hostIP: () => string;
  readonly onStaticPods: () => readonly ControlPlaneManifest[];
  readonly pods: Informer<Pod>;
  /** status.images: what the node's docker holds now. */
  readonly images: () => NodeImage[];
}

/** nodeStatusReportFrequency: with the NodeLease feature the kubelet posts an unchanged status once a minute. */
export const NODE_STATUS_REPORT_MS = 60_000;

/** What nodeStatusHasChanged compares: the conditions without their heartbeat times. */
function conditionsText(conditions: Node['status']['conditions']): string {
  return JSON.stringify(conditions.map(({ lastHeartbeatTime: _, ...c }) => c));
}

export class NodeReporter {
  private nodeKnown = false;
  private lastConditions: Node['status']['conditions'] = [];
  /** What the last status post carried, to tell a change from a heartbeat. */
  private lastPosted: { conditions: string; images: readonly NodeImage[] } | undefined;
  private lastReportAt = -Infinity;

  constructor(
    private readonly d: NodeReporterDeps,
    /** In the ready lab the kubelet has been running for minutes: its first start at t=0 is not news. */
    private quietStart = false,
  ) {}

  private retrying = false;

  /** The kubelet stopped: it will look for its Node again when it starts. */
  reset(): void {
    this.nodeKnown = false;
    this.lastPosted = undefined;
    this.lastReportAt = -Infinity;
    // Whatever start comes next is a real one, even if the lab's first report never landed.
    this.quietStart = false;
  }

  /**
   * Every 10 s (nodeStatusUpdateFrequency) the kubelet computes its node's status, and posts
   * it when it changed, when a minute has passed since the last post, or when it starts; the
   * Lease is its heartbeat meanwhile (kubelet_node_status.go tryUpdateNodeStatus). The real
   * kubelet compares with the Node it GETs from the API server's cache each time; the lab
   * compares with what it last posted, and posts at once after a failed renewal or post.
   */
  post(starting: boolean, mustPost = false): void {
    const host = this.d.world.host(this.d.node);
    if (!host) return;
    const now = this.d.now();
    const runtime = this.d.world.profile.runtime;
    const relisted = lastRelist(host);
    const pleg = relisted === undefined ? undefined : plegUnhealthy(relisted, now, runtime.plegThresholdMs);
    const health = {
      runtimeUp: runtimeAnswered(host, now, runtime.downAfterMs),
      cniReady: host.cniInstalled,
      ...(pleg ? { pleg } : {}),
    };
    const conditions = nodeConditions(health, this.lastConditions, now);
    const images = this.d.images();
    const posted = { conditions: conditionsText(conditions), images };
    const unchanged =
      this.lastPosted !== undefined &&
      this.lastPosted.conditions === posted.conditions &&
      // The same list of images is the same array (nodeImages answers from its cache).
      this.lastPosted.images === posted.images;
    if (
      !starting &&
      !mustPost &&
      this.nodeKnown &&
      unchanged &&
      now - this.lastReportAt < NODE_STATUS_REPORT_MS
    )
      return;
    const wasReady = this.lastConditions.find((c) => c.type === 'Ready')?.status;
    const isReady = conditions.find((c) => c.type === 'Ready')?.status;
    this.lastConditions = conditions;
    this.lastReportAt = now;
    // tryUpdateNodeStatus reads the stored node and runs its setters on it: a condition
    // the node lifecycle controller turned Unknown meanwhile transitions again (now), and
    // conditions the kubelet does not own (Calico's NetworkUnavailable) stay where they are.
    const patch = (o: KubeObject) => {
      if (o.kind !== 'Node') return o;
      const mine = nodeConditions(health, o.status.conditions, now);
      const others = o.status.conditions.filter((c) => !KUBELET_CONDITIONS.has(c.type));
      return { ...o, status: { ...o.status, conditions: [...others, ...mine], images } };
    };
    this.d.client.request({ verb: 'updateStatus', resource: 'nodes', name: this.d.node, patch }, (res) => {
      if (!res.ok) this.lastPosted = undefined;
      if (res.ok) {
        this.nodeKnown = true;
        this.lastPosted = posted;
        if (res.object && res.object.kind === 'Node') {
          const apiReady = res.object.status.conditions.find((c) => c.type === 'Ready')?.status;
          const quiet = this.quietStart;
          this.quietStart = false;
          if (quiet) return;
          // A kubelet that starts records its start and, from the setters run on a fresh
          // node status, each condition it finds fine (kubelet_node_status.go, setters.go).
          if (starting)
            for (const [reason, message] of startingEvents(this.d.node))
              recordEvent(this.d.client, now, res.object, 'Normal', reason, message, this.d.source());
          if ((starting || wasReady !== isReady || apiReady === 'Unknown') && isReady === 'True')
            recordEvent(
              this.d.client,
              now,
              res.object,
              'Normal',
              'NodeReady',
              `Node ${this.d.node} status is now: NodeReady`,
              this.d.source(),
            );
        }
        return;
      }
      if (res.reason === 'NotFound' && !this.nodeKnown) this.register(conditions);
      // Until the node is registered the kubelet keeps trying (with a short back-off, not every 10 s);
      // one retry at a time, or each 10 s report would start a chain of its own.
      else if (!this.nodeKnown && !this.retrying) {
        this.retrying = true;
        this.d.client.later(1000, () => {
          this.retrying = false;
          this.post(starting);
        });
      }
    });
  }

  /** A kubelet that finds no Node object for itself creates one (kubeadm join). */
  private register(conditions: Node['status']['conditions']): void {
    const host = this.d.world.host(this.d.node);
    if (!host) return;
    const machine = nodeMachine(this.d.world.hosts.values(), this.d.node, this.d.world.profile);
    if (!machine) return;
    const node = newNode(machine, this.d.now());
    const ready = conditions.some((c) => c.type === 'Ready' && c.status === 'True');
    // A node that is not ready registers already tainted, so nothing is scheduled onto it meanwhile.
    const notReady = { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' as const };
    const taints = ready ? node.spec.taints : [...node.spec.taints, notReady];
    this.d.client.request(
      {
        verb: 'create',
        resource: 'nodes',
        body: {
          ...node,
          spec: { ...node.spec, taints },
          status: { ...node.status, conditions, images: this.d.images() },
        },
      },
      (res) => {
        if (res.ok) this.nodeKnown = true;
      },
    );
  }

  /** Every 20 s the master's kubelet re-reads /etc/kubernetes/manifests and mirrors what runs into the API. */
  checkStaticPods(): void {
    const running = this.d.onStaticPods();
    if (!this.d.pods.synced) return;
    const mirrors = this.d.pods.list().filter(isMirrorPod);
    for (const m of running) {
      const name = `${m}-${this.d.node}`;
      if (mirrors.some((p) => p.metadata.name === name)) continue;
      this.d.client.request({
        verb: 'create',
        resource: 'pods',
        namespace: 'kube-system',
        body: mirrorPod(m, this.d.node, this.d.hostIP(), this.d.now(), this.d.world.profile),
      });
    }
    for (const p of mirrors) {
      const component = p.metadata.labels?.component;
      if (component && !running.includes(component as ControlPlaneManifest)) {
        this.d.client.request({
          verb: 'delete',
          resource: 'pods',
          namespace: 'kube-system',
          name: p.metadata.name,
          gracePeriodSeconds: 0,
        });
      }
    }
  }
}

/**
 * Whether the kubelet still counts its runtime up: it is running, or it stopped less than
 * `downAfterMs` ago (runtime.go runtimeErrors: "container runtime is down" once the last
 * good Status is older than kubelet.go's maxWaitForContainerRuntime).
 */
export function runtimeAnswered(host: HostRecord, now: number, downAfterMs: number): boolean {
  if (host.services.docker === 'active') return true;
  if (downAfterMs <= 0) return false;
  const stopped = host.serviceLog.findLast((c) => c.service === 'docker' && c.how === 'stop')?.at;
  return stopped !== undefined && now - stopped < downAfterMs && now >= host.bootedAt;
}

/**
 * When the PLEG last relisted: while the runtime's service is stopped, the last whole second
 * before it stopped (it relists every second); undefined while it answers.
 */
export function lastRelist(
  host: Pick<HostRecord, 'services' | 'serviceLog' | 'bootedAt'>,
): number | undefined {
  if (host.services.docker === 'active') return undefined;
  const stopped = host.serviceLog.findLast((c) => c.service === 'docker' && c.how === 'stop')?.at;
  if (stopped === undefined || stopped < host.bootedAt) return undefined;
  return stopped - ((stopped - host.bootedAt) % 1000);
}
