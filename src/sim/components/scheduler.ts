// 4 scheduler: watches for pods without a node, picks one by filter and score,
// and binds the pod through pods/binding. It never talks to a kubelet.
import { ApiClient } from '../client';
import { recordEvent } from '../events';
import { Informer } from '../informer';
import type { Message, Net } from '../net';
import type { Node, Pod } from '../objects';
import type { Rng } from '../rng';
import type { ComponentLogic } from './processMachine';
import type { FilterReason, NodeLoad } from './scoreNodes';
import { filterNode, scoreNode, unschedulableMessage } from './scoreNodes';

export const SCHEDULER = 'scheduler';

export class SchedulerLogic implements ComponentLogic {
  private readonly client: ApiClient;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  /** Pods bound in flight: counted on their node before the watch confirms. */
  private readonly assumed = new Map<string, string>();
  private readonly retryAt = new Map<string, { at: number; backoff: number }>();

  constructor(
    private readonly net: Net,
    private readonly rng: Rng,
  ) {
    this.client = new ApiClient(net, SCHEDULER);
    this.pods = new Informer<Pod>(this.client, 'pods', () => this.scheduleAll());
    this.nodes = new Informer<Node>(this.client, 'nodes', () => this.scheduleAll());
  }

  start(): void {
    this.client.activate();
    this.pods.start(this.net.now());
    this.nodes.start(this.net.now());
  }

  stop(): void {
    this.client.reset();
    this.pods.reset();
    this.nodes.reset();
    this.assumed.clear();
    this.retryAt.clear();
  }

  apiDown(): void {
    this.pods.disconnected(this.net.now());
    this.nodes.disconnected(this.net.now());
  }

  tick(): void {
    const now = this.net.now();
    this.pods.tick(now);
    this.nodes.tick(now);
    this.scheduleAll();
  }

  receive(m: Message): void {
    if (this.client.handle(m)) return;
    if (this.pods.handle(m)) return;
    this.nodes.handle(m);
  }

  private loads(): Map<string, NodeLoad> {
    const loads = new Map<string, { pods: number; cpuMillis: number }>();
    const add = (node: string, pod: Pod) => {
      const l = loads.get(node) ?? { pods: 0, cpuMillis: 0 };
      l.pods += 1;
      l.cpuMillis += pod.spec.containers.reduce((n, c) => n + (c.cpuMillis ?? 0), 0);
      loads.set(node, l);
    };
    for (const p of this.pods.cache.values()) {
      const node = p.spec.nodeName ?? this.assumed.get(p.metadata.uid);
      if (node) add(node, p);
    }
    return loads;
  }

  private scheduleAll(): void {
    if (!this.pods.synced || !this.nodes.synced) return;
    const now = this.net.now();
    const pending = [...this.pods.cache.values()].filter(
      (p) =>
        !p.spec.nodeName && p.metadata.deletionTimestamp === undefined && !this.assumed.has(p.metadata.uid),
    );
    if (pending.length === 0) return;
    const loads = this.loads();
    const nodes = [...this.nodes.cache.values()].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    for (const pod of pending) {
      const retry = this.retryAt.get(pod.metadata.uid);
      if (retry && now < retry.at) continue;
      const reasons: FilterReason[] = [];
      let best: string[] = [];
      let bestScore = -1;
      for (const node of nodes) {
        const load = loads.get(node.metadata.name) ?? { pods: 0, cpuMillis: 0 };
        const reason = filterNode(node, pod, load);
        if (reason) {
          reasons.push(reason);
          continue;
        }
        const score = scoreNode(node, load);
        if (score > bestScore) {
          bestScore = score;
          best = [node.metadata.name];
        } else if (score === bestScore) best.push(node.metadata.name);
      }
      if (best.length === 0) {
        const backoff = Math.min((retry?.backoff ?? 500) * 2, 10_000);
        this.retryAt.set(pod.metadata.uid, { at: now + backoff, backoff });
        this.client.later(backoff, () => this.scheduleAll());
        if (!retry)
          recordEvent(
            this.client,
            now,
            pod,
            'Warning',
            'FailedScheduling',
            unschedulableMessage(nodes.length, reasons),
            { component: 'default-scheduler' },
          );
        continue;
      }
      // Ties are broken at random, as kube-scheduler's selectHost does.
      const target = this.rng.pick(best);
      this.bind(pod, target, loads);
    }
  }

  private bind(pod: Pod, node: string, loads: Map<string, NodeLoad>): void {
    const uid = pod.metadata.uid;
    this.assumed.set(uid, node);
    const l = loads.get(node) ?? { pods: 0, cpuMillis: 0 };
    loads.set(node, { pods: l.pods + 1, cpuMillis: l.cpuMillis });
    this.client.request(
      {
        verb: 'bind',
        resource: 'pods',
        namespace: pod.metadata.namespace ?? 'default',
        name: pod.metadata.name,
        nodeName: node,
      },
      (res) => {
        this.assumed.delete(uid);
        if (!res.ok) return;
        this.retryAt.delete(uid);
        const ns = pod.metadata.namespace ?? 'default';
        recordEvent(
          this.client,
          this.net.now(),
          pod,
          'Normal',
          'Scheduled',
          `Successfully assigned ${ns}/${pod.metadata.name} to ${node}`,
          { component: 'default-scheduler' },
        );
      },
    );
  }
}
