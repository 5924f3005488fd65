// What a kubelet tells the API server about its node: the status it posts every 10 s
// (and the Ready/NotReady events), registering the Node when there is none (kubeadm
// join), and, on the master, the mirror pods of the static control-plane pods.
import type { ApiClient } from '../client';
import { KUBELET_CONDITIONS } from '../controllers/nodeLifecycle';
import { recordEvent } from '../events';
import type { Informer } from '../informer';
import type { ControlPlaneManifest } from '../inputs';
import { nodeMachine } from '../labs/hosts';
import type { KubeEvent, KubeObject, Node, Pod } from '../objects';
import { isMirrorPod } from '../objects';
import type { SimMs } from '../units';
import type { World } from '../world';
import { mirrorPod, newNode, nodeConditions } from './kubeletStatus';

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
}

export class NodeReporter {
  private nodeKnown = false;
  private lastConditions: Node['status']['conditions'] = [];

  constructor(
    private readonly d: NodeReporterDeps,
    /** In the ready lab the kubelet has been running for minutes: its first start at t=0 is not news. */
    private quietStart = false,
  ) {}

  private retrying = false;

  /** The kubelet stopped: it will look for its Node again when it starts. */
  reset(): void {
    this.nodeKnown = false;
    // Whatever start comes next is a real one, even if the lab's first report never landed.
    this.quietStart = false;
  }

  post(starting: boolean): void {
    const host = this.d.world.host(this.d.node);
    if (!host) return;
    const now = this.d.now();
    const health = { runtimeUp: host.services.docker === 'active', cniReady: host.cniInstalled };
    const conditions = nodeConditions(health, this.lastConditions, now);
    const wasReady = this.lastConditions.find((c) => c.type === 'Ready')?.status;
    const isReady = conditions.find((c) => c.type === 'Ready')?.status;
    this.lastConditions = conditions;
    // tryUpdateNodeStatus reads the stored node and runs its setters on it: a condition
    // the node lifecycle controller turned Unknown meanwhile transitions again (now), and
    // conditions the kubelet does not own (Calico's NetworkUnavailable) stay where they are.
    const patch = (o: KubeObject) => {
      if (o.kind !== 'Node') return o;
      const mine = nodeConditions(health, o.status.conditions, now);
      const others = o.status.conditions.filter((c) => !KUBELET_CONDITIONS.has(c.type));
      return { ...o, status: { ...o.status, conditions: [...others, ...mine] } };
    };
    this.d.client.request({ verb: 'updateStatus', resource: 'nodes', name: this.d.node, patch }, (res) => {
      if (res.ok) {
        this.nodeKnown = true;
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
    const machine = nodeMachine(this.d.world.hosts.values(), this.d.node);
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
        body: { ...node, spec: { ...node.spec, taints }, status: { ...node.status, conditions } },
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
        body: mirrorPod(m, this.d.node, this.d.hostIP(), this.d.now()),
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
