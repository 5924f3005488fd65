// 5 kubelet: takes the pods bound to its node, has the runtime run them, reports
// their status and its node's, and finishes graceful deletions.
import { ApiClient } from '../client';
import { EventRecorder, recordEvent } from '../events';
import { nodeImages } from '../images';
import { Informer } from '../informer';
import type { ControlPlaneManifest } from '../inputs';
import type { Message, Net } from '../net';
import type { Pod } from '../objects';
import { isMirrorPod } from '../objects';
import { Rng } from '../rng';
import type { World } from '../world';
import type { ContainerDied, CriCall, CriReply, CriResult } from './cri';
import { NodeLeaseController } from './kubeletLease';
import { NodeReporter } from './kubeletNode';
import type { PodWorker } from './kubeletStatus';
import { podStatusFor } from './kubeletStatus';
import { containerRef, PodSync } from './podSync';
import type { ComponentLogic } from './processMachine';
import { kubeletId, runtimeId } from './runtime';

// The kubelet wakes every 10 s (nodeStatusUpdateFrequency, and the lease's renewInterval);
// retries are timed on their own.
export const KUBELET_TICK_MS = 10_000;

export class KubeletLogic implements ComponentLogic {
  private readonly client: ApiClient;
  private readonly pods: Informer<Pod>;
  private readonly workers = new Map<string, PodWorker>();
  private criReq = 1;
  private readonly waitingCri = new Map<number, (r: CriResult) => void>();
  private runtimeListed = false;
  private ticks = 0;
  private readonly reporter: NodeReporter;
  private readonly lease: NodeLeaseController;
  private readonly syncer: PodSync;
  private readonly recorder: EventRecorder;

  constructor(
    private readonly net: Net,
    private readonly world: World,
    readonly node: string,
    readonly onStaticPods: () => readonly ControlPlaneManifest[],
    /** In the ready lab the kubelet has been running for minutes: its first start at t=0 is not news. */
    quietStart = false,
    rng: Rng = new Rng(5),
    /** The images the node's docker holds now (imageKey form). */
    imagesOnNode: () => readonly string[] = () => [],
  ) {
    this.client = new ApiClient(net, kubeletId(node));
    this.recorder = new EventRecorder(this.client, () => this.source());
    this.syncer = new PodSync({
      now: () => this.net.now(),
      rng,
      cri: (call, summary, onResult, subject) => this.cri(call, summary, onResult, subject),
      event: (pod, type, reason, message, fieldPath) =>
        this.recorder.record(this.net.now(), pod, type, reason, message, fieldPath),
      report: (w) => this.report(w),
      retry: (w, ms) => this.retry(w, ms),
      died: (d) => this.containerDied(d),
      profile: world.profile,
    });
    this.pods = new Informer<Pod>(this.client, 'pods', (action, obj) => this.onPod(action, obj as Pod), node);
    this.reporter = new NodeReporter(
      {
        client: this.client,
        world,
        node,
        now: () => this.net.now(),
        source: () => this.source(),
        hostIP: () => this.hostIP,
        onStaticPods,
        pods: this.pods,
        images: () => nodeImages(imagesOnNode(), world.profile.runtime.service),
      },
      quietStart,
    );
    this.lease = new NodeLeaseController({ client: this.client, node, now: () => this.net.now() });
  }

  get id(): string {
    return kubeletId(this.node);
  }

  private get hostIP(): string {
    return this.world.host(this.node)?.ip ?? '';
  }

  private source() {
    return { component: 'kubelet', host: this.node };
  }

  start(): void {
    this.runtimeListed = false;
    this.runtimeWasUp = this.world.host(this.node)?.services.docker === 'active';
    this.ticks = 0;
    this.client.activate();
    this.pods.start(this.net.now());
    this.listRuntime();
    this.reporter.post(true);
    this.lease.sync();
  }

  stop(): void {
    this.client.reset();
    this.pods.reset();
    this.workers.clear();
    this.waitingCri.clear();
    this.recorder.reset();
    this.reporter.reset();
    this.lease.reset();
  }

  apiDown(): void {
    this.pods.disconnected(this.net.now());
  }

  receive(m: Message): void {
    if (this.client.handle(m)) return;
    if (m.kind === 'cri.result') {
      const { reqId, result } = m.body as CriReply;
      const cb = this.waitingCri.get(reqId);
      this.waitingCri.delete(reqId);
      cb?.(result);
      return;
    }
    if (m.kind === 'cri.event.died') {
      this.containerDied(m.body as ContainerDied);
      return;
    }
    this.pods.handle(m);
  }

  tick(): void {
    const now = this.net.now();
    this.pods.tick(now);
    this.ticks += 1;
    if (!this.runtimeListed) this.listRuntime();
    // PLEG: when docker comes back, the kubelet relists and finds every container it thought running gone.
    const runtimeUp = this.world.host(this.node)?.services.docker === 'active';
    if (runtimeUp && !this.runtimeWasUp) this.relist();
    this.runtimeWasUp = runtimeUp;
    const leaseFailed = this.lease.failed;
    this.reporter.post(false, leaseFailed);
    // The lease controller runs on its own 10 s loop (renewInterval), here in step with the status loop.
    this.lease.sync();
    // The master's kubelet re-reads /etc/kubernetes/manifests every 20 s (fileCheckFrequency).
    if (this.ticks % 2 === 0 && this.world.host(this.node)?.role === 'master')
      this.reporter.checkStaticPods();
    for (const w of this.workers.values()) if (!w.busy && w.retryAt <= now) this.sync(w);
  }

  private cri(call: CriCall, summary: string, onResult: (r: CriResult) => void, subject?: string): void {
    const reqId = this.criReq++;
    this.waitingCri.set(reqId, onResult);
    this.net.send(
      this.id,
      runtimeId(this.node),
      `cri.${call.op}`,
      summary,
      { reqId, call },
      {
        ...(subject ? { subject } : {}),
        onRefused: () => {
          this.waitingCri.delete(reqId);
          onResult({
            ok: false,
            reason: 'RuntimeDown',
            message:
              'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
          });
        },
      },
    );
  }

  private runtimeWasUp = true;

  private relist(): void {
    this.cri({ op: 'list' }, 'ListContainers (PLEG relist)', (r) => {
      if (!r.ok) return;
      for (const w of this.workers.values()) {
        if (!w.running || !w.containerId) continue;
        const c = r.containers?.find((x) => x.id === w.containerId);
        if (c?.state === 'running') continue;
        const sandboxAlive = r.sandboxes?.some((x) => x.id === w.sandbox?.id && x.ready);
        if (!sandboxAlive) w.sandbox = undefined;
        this.containerDied({ podUid: w.uid, containerId: w.containerId, exitCode: c?.exitCode ?? 137 });
        w.retryAt = this.net.now();
        w.busy = false;
        this.sync(w);
      }
    });
  }

  private listRuntime(): void {
    this.cri({ op: 'list' }, 'ListPodSandbox, ListContainers', (r) => {
      if (!r.ok) return;
      this.runtimeListed = true;
      for (const w of this.workers.values()) this.adopt(w, r);
    });
  }

  /** After a restart the kubelet finds its pods' containers still running and takes them back. */
  private adopt(w: PodWorker, r: CriResult): void {
    if (!r.ok || w.sandbox) return;
    const sandbox = r.sandboxes?.find((s) => s.podUid === w.uid && s.ready);
    const container = r.containers?.find((c) => c.podUid === w.uid && c.state === 'running');
    const exited = r.containers?.filter((c) => c.podUid === w.uid && c.state === 'exited') ?? [];
    const prior = w.pod.status.containerStatuses[0]?.restartCount ?? 0;
    if (sandbox && container) {
      Object.assign(w, {
        sandbox,
        containerId: container.id,
        running: true,
        startedAt: container.startedAt,
        restartCount: prior,
        starts: 1,
      });
    } else if (exited.length > 0 || w.pod.status.phase === 'Running') {
      // The old sandbox died with the machine: a new one (new IP), and the container counts a restart.
      w.restartCount = prior + 1;
      w.starts = 1;
      if (this.world.profile.kubelet.lastStateAfterReboot) {
        // containerd reports the container that died with the machine as exited 255, reason Unknown,
        // ended when the machine went down: its lastState, and RESTARTS' `1 (5m ago)`.
        const state = w.pod.status.containerStatuses[0]?.state;
        const startedAt = state && 'running' in state ? state.running.startedAt : 0;
        const down = this.world.host(this.node)?.bootedAt ?? this.net.now();
        w.lastExit = { exitCode: 255, reason: 'Unknown', startedAt, finishedAt: down };
      }
      recordEvent(
        this.client,
        this.net.now(),
        w.pod,
        'Normal',
        'SandboxChanged',
        'Pod sandbox changed, it will be killed and re-created.',
        this.source(),
      );
    }
    this.sync(w);
  }

  private onPod(action: string, pod: Pod): void {
    const uid = pod.metadata.uid;
    if (isMirrorPod(pod)) return;
    if (action === 'deleted') {
      const w = this.workers.get(uid);
      if (w && (w.containerId || w.sandbox) && !w.killing) this.kill(w, false);
      else this.workers.delete(uid);
      return;
    }
    let w = this.workers.get(uid);
    if (!w) {
      w = {
        uid,
        pod,
        busy: false,
        running: false,
        restartCount: pod.status.containerStatuses[0]?.restartCount ?? 0,
        starts: 0,
        retryAt: 0,
        killing: false,
        done: false,
      };
      this.workers.set(uid, w);
      if (this.runtimeListed && pod.status.phase === 'Running') {
        // Known pod, fresh kubelet: look at what the runtime still has.
        this.cri({ op: 'list' }, 'ListContainers', (r) => this.adopt(w as PodWorker, r));
        return;
      }
      if (!this.runtimeListed) return;
      // The kubelet takes the new pod and reports it.
      this.report(w);
    } else w.pod = pod;
    if (!w.busy) this.sync(w);
  }

  private sync(w: PodWorker): void {
    if (w.busy || !this.runtimeListed) return;
    if (w.pod.metadata.deletionTimestamp !== undefined) {
      this.kill(w, true);
      return;
    }
    this.syncer.run(w);
  }

  /** PLEG saw the container exit: report it as terminated, then let syncPod decide what follows. */
  private containerDied(d: ContainerDied): void {
    const w = this.workers.get(d.podUid);
    if (w && !w.containerId && w.busy && !w.killing) {
      // It ended before StartContainer's answer came back: PLEG's relist never sees it running.
      w.diedEarly = d;
      return;
    }
    if (!w || w.containerId !== d.containerId || w.killing) return;
    const now = this.net.now();
    w.running = false;
    w.containerId = undefined;
    w.waiting = undefined;
    w.exited = {
      exitCode: d.exitCode,
      startedAt: d.startedAt ?? w.startedAt ?? now,
      finishedAt: d.finishedAt ?? now,
    };
    this.report(w);
    if (!w.busy) this.sync(w);
  }

  private retry(w: PodWorker, after: number): void {
    this.client.later(after, () => {
      if (this.workers.get(w.uid) === w && !w.busy) this.sync(w);
    });
  }

  /** Graceful deletion: stop the container, remove the sandbox, then delete the pod for good. */
  private kill(w: PodWorker, finalize: boolean): void {
    if (w.killing) return;
    w.killing = true;
    w.busy = true;
    const pod = w.pod;
    const name = pod.metadata.name;
    const ns = pod.metadata.namespace ?? 'default';
    const finish = () => {
      this.workers.delete(w.uid);
      if (finalize)
        this.client.request({ verb: 'delete', resource: 'pods', namespace: ns, name, gracePeriodSeconds: 0 });
    };
    const removeSandbox = () => {
      if (!w.sandbox) return finish();
      this.cri({ op: 'stopPodSandbox', sandboxId: w.sandbox.id }, `StopPodSandbox ${name}`, () => finish());
    };
    if (w.containerId) {
      recordEvent(
        this.client,
        this.net.now(),
        pod,
        'Normal',
        'Killing',
        `Stopping container ${pod.spec.containers[0]?.name ?? ''}`,
        this.source(),
        undefined,
        containerRef(pod),
      );
      this.cri(
        {
          op: 'stopContainer',
          containerId: w.containerId,
          graceMs: (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000,
        },
        `StopContainer ${name}`,
        () => removeSandbox(),
      );
    } else removeSandbox();
  }

  private report(w: PodWorker): void {
    const status = podStatusFor(w, this.hostIP, this.net.now(), this.world.profile);
    const uid = w.uid;
    this.client.request({
      verb: 'updateStatus',
      resource: 'pods',
      namespace: w.pod.metadata.namespace ?? 'default',
      name: w.pod.metadata.name,
      patch: (o) => (o.kind === 'Pod' && o.metadata.uid === uid ? { ...o, status } : o),
    });
  }
}
