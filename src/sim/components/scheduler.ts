// 4 scheduler: watches for pods without a node, picks one by filter and score,
// and binds the pod through pods/binding. It never talks to a kubelet.
import { ApiClient } from '../client';
import { recordEvent } from '../events';
import { Informer, objectKey } from '../informer';
import type { Message, Net } from '../net';
import type { Node, Pod } from '../objects';
import type { Rng } from '../rng';
import type { ComponentLogic } from './processMachine';
import { SchedulingQueue } from './schedulingQueue';
import type { FilterReason, NodeLoad } from './scoreNodes';
import { filterNode, podCpuRequest, scoreNode, unschedulableMessage } from './scoreNodes';

export const SCHEDULER = 'scheduler';

export class SchedulerLogic implements ComponentLogic {
  private readonly client: ApiClient;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  /** Pods bound in flight: counted on their node before the watch confirms. */
  private readonly assumed = new Map<string, string>();
  private readonly queue = new SchedulingQueue(this.assumed);
  /** The nodes by name, until a node event changes them. */
  private sortedNodes: Node[] | undefined;

  constructor(
    private readonly net: Net,
    private readonly rng: Rng,
  ) {
    this.client = new ApiClient(net, SCHEDULER);
    this.pods = new Informer<Pod>(this.client, 'pods', (action, obj, old) => {
      const key = objectKey(obj);
      // A re-list reports what it dropped as the object itself, with no `old`.
      const before = (old ?? (action === 'deleted' ? obj : undefined)) as Pod | undefined;
      this.queue.set(key, before, this.pods.cache.get(key));
      this.scheduleAll();
    });
    this.nodes = new Informer<Node>(this.client, 'nodes', () => {
      this.sortedNodes = undefined;
      this.scheduleAll();
    });
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
    this.queue.clear();
    this.sortedNodes = undefined;
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

  /** What the informer's cache holds for the pod now (the same pod, not one reusing its name). */
  private cached(pod: Pod): Pod | undefined {
    const p = this.pods.cache.get(objectKey(pod));
    return p?.metadata.uid === pod.metadata.uid ? p : undefined;
  }

  receive(m: Message): void {
    if (this.client.handle(m)) return;
    if (this.pods.handle(m)) return;
    this.nodes.handle(m);
  }

  private scheduleAll(): void {
    if (!this.pods.synced || !this.nodes.synced) return;
    const now = this.net.now();
    const pending = this.queue.due(now).filter((p) => !this.assumed.has(p.metadata.uid));
    if (pending.length === 0) return;
    if (!this.sortedNodes)
      this.sortedNodes = [...this.nodes.cache.values()].sort((a, b) =>
        a.metadata.name < b.metadata.name ? -1 : 1,
      );
    const nodes = this.sortedNodes;
    // A pass sees each node's load as it was when the pass began plus one pod per binding
    // made in it (their CPU counts from the next pass on, as it always has here).
    const cpuThisPass = new Map<string, number>();
    const loadOf = (node: string): NodeLoad => {
      const l = this.queue.load(node);
      return { pods: l.pods, cpuMillis: l.cpuMillis - (cpuThisPass.get(node) ?? 0) };
    };
    for (const pod of pending) {
      const retry = this.queue.backoffOf(pod.metadata.uid);
      const reasons: FilterReason[] = [];
      let best: string[] = [];
      let bestScore = -1;
      for (const node of nodes) {
        const load = loadOf(node.metadata.name);
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
        this.queue.backOff(pod.metadata.uid, now + backoff, backoff);
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
      this.bind(pod, target);
      const cpu = podCpuRequest(pod);
      cpuThisPass.set(target, (cpuThisPass.get(target) ?? 0) + cpu);
    }
  }

  private bind(pod: Pod, node: string): void {
    const uid = pod.metadata.uid;
    this.assumed.set(uid, node);
    this.queue.assumedChanged(pod, this.cached(pod));
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
        this.queue.assumedChanged(pod, this.cached(pod));
        if (!res.ok) return;
        this.queue.clearBackoff(uid);
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
