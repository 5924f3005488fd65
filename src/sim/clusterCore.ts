// The simulated lab behind the SimCluster contract: builds the hosts, the
// component processes (XState actors in one system on one virtual clock) and the
// wire between them, and keeps each process running exactly when its host,
// service and files say it should.
import type { AnyActorRef } from 'xstate';
import { createActor } from 'xstate';
import type { ClusterOptions } from './api';
import { VirtualClock } from './clock';
import { componentStatus, probedServers } from './componentStatuses';
import { API, ApiServerLogic } from './components/apiServer';
import { clusterMachine } from './components/clusterMachine';
import { CNI, CniLogic, Ipam } from './components/cni';
import { CONTROLLER_MANAGER, ControllerManagerLogic } from './components/controllerManager';
import { ETCD, EtcdLogic } from './components/etcd';
import { KUBELET_TICK_MS, KubeletLogic } from './components/kubelet';
import type { WrittenRules } from './components/kubeProxy';
import { KubeProxyLogic, kubeProxyId } from './components/kubeProxy';
import type { ComponentLogic } from './components/processMachine';
import { kubeletId, RuntimeLogic, RuntimeState, runtimeId } from './components/runtime';
import { SCHEDULER, SchedulerLogic } from './components/scheduler';
import { EtcdStore } from './etcdStore';
import type { ControlPlaneManifest, HostName } from './inputs';
import { addonHash } from './labs/addons';
import { labHosts } from './labs/hosts';
import { seedReadyLab } from './labs/readyLab';
/** The most workers a lab has (issue 14: a demo of 200 nodes). */
import { MAX_WORKERS } from './limits';
import { Net } from './net';
import type { Endpoints, KubeObject, Service } from './objects';
import type { Profile } from './profiles';
import { profileOf } from './profiles';
import { proxierTables } from './proxierRules';
import { Rng } from './rng';
import { Trace } from './trace';
import type { SimMs } from './units';
import { World } from './world';

export { MAX_WORKERS };

export interface Process {
  readonly id: string;
  readonly host?: HostName;
  readonly logic: ComponentLogic & { apiDown?: () => void };
  readonly tickMs: number;
}

const controlPlane: Record<string, ControlPlaneManifest> = {
  [API]: 'kube-apiserver',
  [ETCD]: 'etcd',
  [SCHEDULER]: 'kube-scheduler',
  [CONTROLLER_MANAGER]: 'kube-controller-manager',
};

/** The process behind each server the API server probes for componentstatuses. */
const probedProcess: Record<string, string> = {
  scheduler: SCHEDULER,
  'controller-manager': CONTROLLER_MANAGER,
  'etcd-0': ETCD,
};

export class ClusterCore {
  readonly options: Required<ClusterOptions>;
  readonly clock = new VirtualClock(0);
  readonly trace = new Trace();
  readonly world: World;
  /** The lab's version: its hosts' names, defaults, timings and texts. */
  readonly profile: Profile;
  readonly store = new EtcdStore<KubeObject>();
  readonly net: Net;
  readonly ipam: Ipam;
  readonly runtimes = new Map<string, RuntimeState>();
  readonly processes = new Map<string, Process>();
  /** What kube-proxy last wrote into each node's tables. */
  readonly proxyRules = new Map<string, WrittenRules>();
  readonly rngs: { names: Rng; net: Rng; scheduler: Rng; runtime: Rng; kubelet: Rng };
  private readonly actors = new Map<string, AnyActorRef>();
  private apiWasUp = true;
  /** Run when the API server stops: open connections to it (kubectl's watches) break. */
  readonly onApiDown: (() => void)[] = [];

  constructor(options: ClusterOptions = {}) {
    const seed = options.seed ?? 1;
    this.options = {
      seed,
      lab: options.lab ?? 'ready',
      workers: Math.max(1, Math.min(MAX_WORKERS, Math.floor(options.workers ?? 3))),
      profile: profileOf(options.profile).id,
    };
    this.profile = profileOf(this.options.profile);
    this.world = new World(this.profile);
    this.rngs = {
      names: new Rng(seed * 7919 + 1),
      net: new Rng(seed * 7919 + 2),
      scheduler: new Rng(seed * 7919 + 3),
      runtime: new Rng(seed * 7919 + 4),
      kubelet: new Rng(seed * 7919 + 5),
    };
    const ready = this.options.lab === 'ready';
    for (const h of labHosts(
      this.profile,
      this.options.workers,
      ready,
      this.rngs.names,
      ready ? -1_800_000 : -120_000,
    ))
      this.world.hosts.set(h.name, h);
    this.net = new Net(this.clock, this.trace, this.rngs.net, (id) => this.hostOf(id));
    const world = this.world;
    this.ipam = new Ipam({
      first: (node) => world.host(node)?.blockBase,
      more: (node) => world.host(node)?.moreBlocks ?? [],
      claim: (node, block) => {
        const h = world.host(node);
        if (h) h.moreBlocks = [...h.moreBlocks, block];
      },
      *all() {
        for (const h of world.hosts.values()) {
          yield h.blockBase;
          yield* h.moreBlocks;
        }
      },
    });

    this.add({
      id: ETCD,
      host: this.profile.master.name,
      logic: new EtcdLogic(this.net, this.store),
      tickMs: 60_000,
    });
    this.add({
      id: API,
      host: this.profile.master.name,
      logic: new ApiServerLogic(
        this.net,
        this.rngs.names,
        () => (this.isRunning(ETCD) ? this.store : undefined),
        () => probedServers.map((s) => componentStatus(s, this.isRunning(probedProcess[s.name] ?? ''))),
        this.profile.apiServer.tokenVolume,
        this.profile.apiServer.podGeneration,
      ),
      tickMs: 60_000,
    });
    this.add({
      id: SCHEDULER,
      host: this.profile.master.name,
      logic: new SchedulerLogic(this.net, this.rngs.scheduler),
      tickMs: 5000,
    });
    this.add({
      id: CONTROLLER_MANAGER,
      host: this.profile.master.name,
      logic: new ControllerManagerLogic(
        this.net,
        this.profile.controllerManager.nodeMonitorGraceMs,
        addonHash(this.profile),
      ),
      tickMs: 5000,
    });
    this.add({
      id: CNI,
      logic: new CniLogic(this.net, this.ipam, (n) => !!this.world.host(n)?.cniInstalled),
      tickMs: 60_000,
    });
    for (const h of this.world.hosts.values()) {
      const state = new RuntimeState();
      this.runtimes.set(h.name, state);
      this.add({
        id: runtimeId(h.name),
        host: h.name,
        logic: new RuntimeLogic(this.net, this.rngs.runtime, this.world, h.name, state),
        tickMs: 60_000,
      });
      this.add({
        id: kubeletId(h.name),
        host: h.name,
        logic: new KubeletLogic(
          this.net,
          this.world,
          h.name,
          () => this.syncStaticPods(),
          ready,
          this.rngs.kubelet,
          () => this.imagesOnNode(h.name),
        ),
        tickMs: KUBELET_TICK_MS,
      });
      this.add({
        id: kubeProxyId(h.name),
        host: h.name,
        logic: new KubeProxyLogic(
          this.net,
          h.name,
          () => this.kubeProxyContainerRunning(h.name),
          (rules) => this.proxyRules.set(h.name, rules),
          this.profile.netfilter,
        ),
        tickMs: 10_000,
      });
    }
    if (ready) {
      seedReadyLab([...this.world.hosts.values()], {
        store: this.store,
        runtimes: this.runtimes,
        ipam: this.ipam,
        rng: this.rngs.names,
        profile: this.profile,
      });
      // kube-proxy has run on every node since it joined: its rules are in the kernel already.
      const objects = this.store.keys().map((kv) => kv.value);
      const tables = proxierTables(
        objects.filter((o): o is Service => o.kind === 'Service'),
        objects.filter((o): o is Endpoints => o.kind === 'Endpoints'),
        this.profile.netfilter,
      );
      for (const h of this.world.hosts.values()) this.proxyRules.set(h.name, { at: h.bootedAt, tables });
    }

    const processes = [...this.processes.values()].map((p) => ({
      id: p.id,
      input: { logic: p.logic, tickMs: p.tickMs, running: this.shouldRun(p), clock: this.clock },
    }));
    const root = createActor(clusterMachine, { clock: this.clock, input: { processes } });
    root.start();
    for (const p of this.processes.values()) {
      const actor = root.system.get(p.id) as AnyActorRef | undefined;
      if (!actor) throw new Error(`process ${p.id} did not start`);
      this.actors.set(p.id, actor);
      // A message reaches a running process's logic directly: the machine decides when the
      // process runs and ticks, and an XState macrostep per message cost more than the
      // handling itself (issue 14's profile). Delivery comes only from the clock's timers,
      // never from inside another transition, so the order of effects is as it was.
      this.net.register(p.id, { accepting: () => this.isRunning(p.id), deliver: (m) => p.logic.receive(m) });
    }
    this.apiWasUp = this.isRunning(API);
  }

  /** What the node's docker lists: its finished pulls, and the sandbox image once the node has joined. */
  imagesOnNode(node: string): string[] {
    const held = this.runtimes.get(node)?.pulledImages(this.clock.now()) ?? [];
    const pause = this.profile.addons.images.pause;
    return this.world.host(node)?.joined && !held.includes(pause) ? [...held, pause] : held;
  }

  /** The kube-proxy DaemonSet's container runs on `node` (kube-proxy is a pod, not a host service). */
  kubeProxyContainerRunning(node: string): boolean {
    const rt = this.runtimes.get(node);
    if (!rt || !this.world.up(node, this.clock.now())) return false;
    if (this.world.host(node)?.services.docker !== 'active' && !this.containersOutliveRuntime(node))
      return false;
    for (const c of rt.containers.values())
      if (c.state === 'running' && c.name === 'kube-proxy' && c.podNamespace === 'kube-system') return true;
    return false;
  }

  /**
   * Whether the node's containers run on with its runtime's service stopped: the machine is up
   * and the service is containerd, whose unit kills its main process alone (KillMode=process)
   * while each pod's runc v2 shim keeps its containers. docker 1.13's stop takes them down.
   */
  containersOutliveRuntime(node: string): boolean {
    return this.profile.runtime.containersOutliveService && this.world.up(node, this.clock.now());
  }

  /** Whether the node's containers can be running now: its runtime runs, or they outlive it. */
  containersAlive(node: string): boolean {
    return this.isRunning(`runtime@${node}`) || this.containersOutliveRuntime(node);
  }

  private add(p: Process): void {
    this.processes.set(p.id, p);
  }

  hostOf(id: string): string | undefined {
    const at = id.indexOf('@');
    if (at >= 0) return id.slice(at + 1);
    return this.processes.get(id)?.host ?? (id === CNI ? undefined : this.profile.master.name);
  }

  get now(): SimMs {
    return this.clock.now();
  }

  isRunning(id: string): boolean {
    const p = this.processes.get(id);
    const actor = this.actors.get(id);
    if (!p || !actor) return false;
    if (p.host && !this.world.up(p.host, this.clock.now())) return false;
    return (actor.getSnapshot() as { value: unknown }).value !== 'stopped';
  }

  /** Whether a process should be running, from its host's power, services and files. */
  shouldRun(p: Process): boolean {
    const now = this.clock.now();
    if (p.id === CNI) return true;
    const host = p.host ? this.world.host(p.host) : undefined;
    if (!host || !this.world.up(host.name, now)) return false;
    const docker = host.services.docker === 'active';
    const manifest = controlPlane[p.id];
    if (manifest) {
      if (p.id === ETCD && this.world.faults.etcdCorrupt) return false;
      // The control plane's containers are the runtime's: they stop with docker, not with containerd.
      return (docker || this.containersOutliveRuntime(host.name)) && host.staticPodsRunning.has(manifest);
    }
    if (p.id.startsWith('runtime@')) return docker;
    if (p.id.startsWith('kubelet@')) return host.services.kubelet === 'active' && host.joined;
    return true;
  }

  /** Start and stop processes to match the world. */
  reconcileProcesses(): void {
    for (const p of this.processes.values()) {
      const actor = this.actors.get(p.id);
      if (!actor) continue;
      const running = (actor.getSnapshot() as { value: unknown }).value !== 'stopped';
      const want = this.shouldRun(p);
      if (want && !running) actor.send({ type: 'process.start' });
      else if (!want && running) actor.send({ type: 'process.stop' });
    }
    const apiUp = this.isRunning(API);
    if (this.apiWasUp && !apiUp) {
      for (const p of this.processes.values()) p.logic.apiDown?.();
      for (const f of this.onApiDown) f();
    }
    this.apiWasUp = apiUp;
  }

  /** The master's kubelet checks /etc/kubernetes/manifests and starts or stops static pods. */
  syncStaticPods(): ControlPlaneManifest[] {
    const master = this.world.master;
    const before = [...master.staticPodsRunning].sort().join();
    const started = [...master.manifests].filter((m) => !master.staticPodsRunning.has(m));
    master.staticPodsRunning = new Set(master.manifests);
    // A manifest moved back: the kubelet starts a new container for it now (crictl ps / docker ps show its age).
    if (started.length > 0) {
      const now = this.clock.now();
      master.staticPodsStartedAt = {
        ...master.staticPodsStartedAt,
        ...Object.fromEntries(started.map((m) => [m, now])),
      };
    }
    if ([...master.staticPodsRunning].sort().join() !== before) this.reconcileProcesses();
    return [...master.staticPodsRunning];
  }

  advanceTo(t: SimMs): void {
    this.clock.advanceTo(t);
  }
}
