// createCluster: the SimCluster contract over the simulated lab.
import type {
  ClusterOptions,
  ComponentView,
  ConnectResult,
  EtcdEntry,
  EtcdKeyView,
  HostState,
  PodView,
  RuntimeView,
  SimCluster,
  WatchEvent,
} from './api';
import { applyInput } from './applyInput';
import type { WatchBody } from './client';
import { ApiClient } from './client';
import { ClusterCore } from './clusterCore';
import { API, ApiServerLogic } from './components/apiServer';
import { CNI } from './components/cni';
import { CONTROLLER_MANAGER } from './components/controllerManager';
import { ETCD } from './components/etcd';
import { kubeletId, podsId, runtimeId } from './components/runtime';
import { SCHEDULER } from './components/scheduler';
import type { LogsResult } from './containerLogs';
import { containersOf, logsOf } from './containerLogs';
import type { EtcdSnapshot } from './etcdStore';
import type { FaultRef } from './faults';
import { faultsInForce } from './faults';
import type { HostTables } from './hostIptables';
import { hostTables } from './hostIptables';
import type { ClusterInput, HostName } from './inputs';
import { kubeadmAddons } from './labs/addons';
import type { KubeObject, Lease, Node, Pod } from './objects';
import { resourceOfKind } from './objects';
import { podReadyText, podRestarts, podStatusText } from './podStatus';
import { icmpEcho } from './probes';
import type { ApiRequest, ApiResponse } from './protocol';
import { connectThroughRules } from './serviceTraffic';
import type { SimMs } from './units';

export const kubectlId = (host: HostName) => `kubectl@${host}`;
export const shellId = (host: HostName) => `host@${host}`;

export class Cluster implements SimCluster {
  readonly core: ClusterCore;
  private readonly clients = new Map<HostName, ApiClient>();

  constructor(options: ClusterOptions = {}) {
    this.core = new ClusterCore(options);
    this.core.onApiDown.push(() => this.endStreams());
    for (const h of this.core.world.hosts.values()) {
      const client = new ApiClient(this.core.net, kubectlId(h.name));
      this.clients.set(h.name, client);
      const up = () => this.core.world.up(h.name, this.core.clock.now());
      this.core.net.register(kubectlId(h.name), {
        accepting: up,
        deliver: (m) => client.handle(m) || this.onWatch(h.name, m.kind, m.body),
      });
      this.core.net.register(shellId(h.name), { accepting: up, deliver: () => {} });
      this.core.net.register(podsId(h.name), { accepting: up, deliver: () => {} });
    }
  }

  get options() {
    return this.core.options;
  }
  get trace() {
    return this.core.trace;
  }
  get now(): SimMs {
    return this.core.clock.now();
  }

  advanceTo(t: SimMs): void {
    this.core.advanceTo(t);
  }

  nextEventAt(): SimMs | undefined {
    return this.core.clock.nextDue();
  }

  dispatch(input: ClusterInput): boolean {
    const applied = applyInput(this.core, input);
    if (applied && input.type === 'kubeadm.init') this.kubeadmAddons(input.host);
    return applied;
  }

  /** kubeadm init waits for the API server, then applies kube-proxy, CoreDNS and the default Services. */
  private kubeadmAddons(host: HostName): void {
    const core = this.core;
    const apply = (attempt: number) => {
      core.clock.schedule(() => {
        if (!core.isRunning(API)) return attempt < 60 ? apply(attempt + 1) : undefined;
        for (const body of kubeadmAddons(this.now, this.core.profile))
          this.request(
            host,
            {
              verb: 'create',
              resource: resourceOfKind[body.kind],
              namespace: body.metadata.namespace ?? 'default',
              body,
            },
            () => {},
          );
      }, 1000);
    };
    apply(0);
  }

  hosts(): readonly HostState[] {
    return [...this.core.world.hosts.values()].map((h) => this.core.world.hostState(h, this.now));
  }

  host(name: HostName): HostState | undefined {
    const h = this.core.world.host(name);
    return h ? this.core.world.hostState(h, this.now) : undefined;
  }

  components(): readonly ComponentView[] {
    const c = this.core;
    const w = c.world;
    const master = w.master;
    const state = (id: string, why: () => string): Pick<ComponentView, 'state' | 'why'> =>
      c.isRunning(id)
        ? { state: 'running' }
        : { state: id === ETCD && w.faults.etcdCorrupt ? 'failing' : 'stopped', why: why() };
    const masterWhy = (manifest: string) => () =>
      !master.powered
        ? `${master.name} is powered off`
        : master.services.docker !== 'active'
          ? `docker is stopped on ${master.name}`
          : !master.manifests.has(manifest as never)
            ? `/etc/kubernetes/manifests/${manifest}.yaml is missing`
            : w.faults.etcdCorrupt
              ? 'etcd data is corrupt'
              : 'not installed';
    const out: ComponentView[] = [
      {
        id: kubectlIdOf(master.name),
        number: 0,
        name: 'kubectl',
        host: master.name,
        state: master.powered ? 'running' : 'stopped',
      },
      {
        id: API,
        number: 1,
        name: 'API server',
        host: master.name,
        ...state(API, masterWhy('kube-apiserver')),
      },
      { id: ETCD, number: 2, name: 'etcd', host: master.name, ...state(ETCD, masterWhy('etcd')) },
      {
        id: CONTROLLER_MANAGER,
        number: 3,
        name: 'controller manager',
        host: master.name,
        ...state(CONTROLLER_MANAGER, masterWhy('kube-controller-manager')),
      },
      {
        id: SCHEDULER,
        number: 4,
        name: 'scheduler',
        host: master.name,
        ...state(SCHEDULER, masterWhy('kube-scheduler')),
      },
    ];
    // Only kube-proxy's and CoreDNS's pods tell a component's state (ranges of their keys, not of every pod).
    const proxies = this.core.store
      .range('/registry/pods/kube-system/kube-proxy-')
      .map((kv) => kv.value as Pod);
    for (const h of w.hosts.values()) {
      if (h.role === 'master') continue;
      const down = () =>
        !h.powered
          ? `${h.name} is powered off`
          : c.clock.now() < h.bootingUntil
            ? `${h.name} is booting`
            : '';
      out.push({
        id: kubeletId(h.name),
        number: 5,
        name: 'kubelet',
        host: h.name,
        ...state(
          kubeletId(h.name),
          () => down() || (h.services.kubelet !== 'active' ? 'systemctl stop kubelet' : 'not joined'),
        ),
      });
      out.push({
        id: runtimeId(h.name),
        number: 6,
        name: 'container runtime',
        host: h.name,
        ...state(runtimeId(h.name), () => down() || 'systemctl stop docker'),
      });
      out.push({
        id: podsId(h.name),
        number: 7,
        name: 'pods',
        host: h.name,
        state: w.up(h.name, this.now) ? (h.podRoutesBroken ? 'failing' : 'running') : 'stopped',
      });
      const proxy = proxies.find((p) => p.spec.nodeName === h.name);
      const proxyRunning = !!proxy && this.containerRunning(h.name, proxy.metadata.uid);
      out.push({
        id: `kube-proxy@${h.name}`,
        name: 'kube-proxy',
        host: h.name,
        state: proxyRunning ? (h.brNetfilter ? 'running' : 'failing') : 'stopped',
        ...(proxyRunning && !h.brNetfilter ? { why: 'br_netfilter is not loaded' } : {}),
      });
    }
    const cniOk = [...w.hosts.values()].every((h) => h.cniInstalled);
    out.push({
      id: CNI,
      number: 11,
      name: 'network plugin',
      state: cniOk ? 'running' : [...w.hosts.values()].some((h) => h.cniInstalled) ? 'failing' : 'stopped',
    });
    const dnsUp =
      !w.faults.corednsDown &&
      this.core.store.range('/registry/pods/kube-system/coredns-').some((kv) => {
        const p = kv.value as Pod;
        return !!p.spec.nodeName && this.containerRunning(p.spec.nodeName, p.metadata.uid);
      });
    out.push({
      id: 'coredns',
      number: 12,
      name: 'CoreDNS',
      state: dnsUp ? 'running' : 'stopped',
      ...(dnsUp ? {} : { why: w.faults.corednsDown ? 'CoreDNS is down' : 'no CoreDNS pod is running' }),
    });
    return out;
  }

  containerRunning(node: string, podUid: string): boolean {
    const rt = this.core.runtimes.get(node);
    if (!rt || !this.core.containersAlive(node)) return false;
    for (const c of rt.containers.values()) if (c.podUid === podUid && c.state === 'running') return true;
    return false;
  }

  request(host: HostName, req: ApiRequest, onResponse: (res: ApiResponse) => void): () => void {
    const client = this.clients.get(host);
    if (!client) return () => {};
    const id = client.request(req, onResponse);
    return () => client.cancel(id);
  }

  private readonly deletionWaits = new Map<
    number,
    { host: HostName; name: string; resource: string; onGone: () => void }
  >();
  private waitSeq = 0;

  waitForDeletion(host: HostName, req: ApiRequest, onGone: () => void): () => void {
    const client = this.clients.get(host);
    if (!client || !req.name) return () => {};
    const id = ++this.waitSeq;
    this.deletionWaits.set(id, { host, name: req.name, resource: req.resource, onGone });
    const done = () => {
      if (this.deletionWaits.delete(id)) onGone();
    };
    client.request(
      { verb: 'watch', resource: req.resource, namespace: req.namespace ?? 'default', name: req.name },
      (res) => {
        if (res.ok && (res.items ?? []).length === 0) done();
      },
    );
    return () => this.deletionWaits.delete(id);
  }

  private readonly streams = new Map<
    number,
    { host: HostName; onEvent: (e: WatchEvent) => void; onEnd: () => void }
  >();

  watch(host: HostName, req: ApiRequest, onEvent: (e: WatchEvent) => void, onEnd: () => void): () => void {
    const client = this.clients.get(host);
    if (!client) return () => {};
    let open = false;
    const id = client.request({ ...req, verb: 'watch' }, (res) => {
      onEvent({ type: 'start', res });
      if (res.ok && this.streams.has(id)) open = true;
      else this.streams.delete(id);
    });
    this.streams.set(id, { host, onEvent, onEnd });
    return () => {
      client.cancel(id);
      this.streams.delete(id);
      // Closing the connection ends the API server's watch; nothing travels for it.
      const api = this.core.processes.get(API)?.logic;
      if (open && api instanceof ApiServerLogic) api.closeWatch(kubectlId(host), id);
    };
  }

  /** The API server went away: every watch connection to it is broken. */
  private endStreams(): void {
    const ended = [...this.streams.values()];
    this.streams.clear();
    for (const s of ended) s.onEnd();
  }

  private onWatch(host: HostName, kind: string, body: unknown): boolean {
    const b = body as WatchBody;
    const stream = b.reqId !== undefined ? this.streams.get(b.reqId) : undefined;
    if (stream && stream.host === host && kind.startsWith('watch.'))
      stream.onEvent({ type: b.action, object: b.object });
    if (!kind.endsWith('.deleted')) return true;
    const obj = (body as { object: KubeObject }).object;
    for (const [id, w] of this.deletionWaits) {
      if (w.host === host && w.name === obj.metadata.name && kind === `watch.${w.resource}.deleted`) {
        this.deletionWaits.delete(id);
        w.onGone();
      }
    }
    return true;
  }

  connect(
    from: HostName,
    ip: string,
    port: number,
    onResult: (r: ConnectResult) => void,
    fromPod?: { readonly namespace: string; readonly name: string; readonly agent?: string },
  ): () => void {
    const pod = fromPod ? this.pod(fromPod.namespace, fromPod.name) : undefined;
    const origin = {
      host: from,
      ...(pod?.status.podIP && pod.spec.nodeName
        ? { pod: { ip: pod.status.podIP, node: pod.spec.nodeName } }
        : {}),
      ...(fromPod?.agent ? { agent: fromPod.agent } : {}),
    };
    return connectThroughRules(this, origin, ip, port, (h) => this.iptables(h), onResult);
  }

  iptables(host: HostName): HostTables | undefined {
    const h = this.core.world.host(host);
    if (!h || !this.core.world.up(host, this.now)) return undefined;
    const written = this.core.proxyRules.get(host);
    return hostTables({
      // The lab's runtime service is `docker` in the model; only dockerd writes DOCKER chains.
      docker: this.core.profile.runtime.service === 'docker' && h.services.docker !== 'absent',
      kubelet: h.joined,
      ...(written && written.at >= h.bootedAt ? { proxier: written.tables } : {}),
      kubeletChains: this.core.profile.netfilter.kubeletChains,
    });
  }

  ping(from: HostName, ip: string, onReply: () => void): () => void {
    return icmpEcho(this, from, ip, onReply);
  }

  runtime(node: string): RuntimeView | undefined {
    const rt = this.core.runtimes.get(node);
    if (!rt) return undefined;
    const now = this.now;
    return {
      running: this.core.isRunning(runtimeId(node)),
      sandboxes: [...rt.sandboxes.values()],
      containers: [...rt.containers.values()],
      images: rt.pulledImages(now),
      logs: (id) => {
        const c = rt.containers.get(id);
        return c ? logsOf(c, now) : [];
      },
    };
  }

  containerLogs(node: string, podUid: string, container: string, previous: boolean): LogsResult {
    const rt = this.core.runtimes.get(node);
    if (!rt || !this.core.isRunning(kubeletId(node))) return { ok: false, error: 'kubelet' };
    const c = containersOf(rt, podUid, container)[previous ? 1 : 0];
    if (!c) return { ok: false, error: previous ? 'previous' : 'none' };
    return { ok: true, entries: logsOf(c, this.now), running: c.state === 'running' };
  }

  resolve(
    from: HostName,
    name: string,
    onResult: (ip: string | undefined, error?: 'timeout' | 'nxdomain') => void,
  ): () => void {
    const c = this.core;
    const dnsUp = this.components().find((x) => x.id === 'coredns')?.state === 'running';
    // CoreDNS's kubernetes plugin answers <service>.<namespace>.svc.cluster.local; any other
    // name goes upstream, where the lab has no names (NXDOMAIN).
    const m = /^([^.]+)\.([^.]+)\.svc\.cluster\.local\.?$/.exec(name);
    const [svcName, ns] = m ? [m[1], m[2]] : ['', ''];
    const svc = this.objects().find(
      (o) => o.kind === 'Service' && o.metadata.name === svcName && o.metadata.namespace === ns,
    );
    c.net.send(shellId(from), 'coredns', 'dns.query', `A? ${name}`, {}, { latency: 3 });
    let cancelled = false;
    c.clock.schedule(
      () => {
        if (cancelled) return;
        if (!dnsUp) return onResult(undefined, 'timeout');
        c.net.send(
          'coredns',
          shellId(from),
          'dns.answer',
          svc && svc.kind === 'Service' ? `${name} A ${svc.spec.clusterIP}` : 'NXDOMAIN',
          {},
          { latency: 3 },
        );
        if (svc && svc.kind === 'Service') onResult(svc.spec.clusterIP);
        else onResult(undefined, 'nxdomain');
      },
      dnsUp ? 8 : 15_000,
    );
    return () => {
      cancelled = true;
    };
  }

  faults(): readonly FaultRef[] {
    return faultsInForce(this.core.world);
  }

  etcdSnapshot(): unknown | undefined {
    if (!this.core.isRunning(ETCD)) return undefined;
    return this.core.store.snapshot();
  }

  etcdRestore(snapshot: unknown): boolean {
    const s = snapshot as EtcdSnapshot<KubeObject> | undefined;
    if (!s || !(s.data instanceof Map)) return false;
    this.core.store.restore(s);
    // Every cache is now ahead of etcd: components re-list, as after an API server restart.
    for (const p of this.core.processes.values()) p.logic.apiDown?.();
    return true;
  }

  objects(): readonly KubeObject[] {
    return this.core.store.keys().map((kv) => kv.value);
  }

  pod(namespace: string, name: string): Pod | undefined {
    const kv = this.core.store.get(`/registry/pods/${namespace}/${name}`);
    return kv?.value.kind === 'Pod' ? kv.value : undefined;
  }

  /** Each stored pod's view, made once: a stored object never changes (a change stores a new one). */
  private readonly podViews = new WeakMap<object, PodView>();

  pods(): readonly PodView[] {
    return this.core.store.range('/registry/pods/').map((kv) => {
      const known = this.podViews.get(kv.value);
      if (known) return known;
      const p = kv.value as Pod;
      const view: PodView = {
        namespace: p.metadata.namespace ?? 'default',
        name: p.metadata.name,
        ...(p.spec.nodeName ? { node: p.spec.nodeName } : {}),
        status: podStatusText(p),
        ready: podReadyText(p),
        restarts: podRestarts(p),
        ...(p.status.podIP ? { ip: p.status.podIP } : {}),
      };
      this.podViews.set(kv.value, view);
      return view;
    });
  }

  nodes(): readonly Node[] {
    return this.core.store.range('/registry/minions/').map((kv) => kv.value as Node);
  }

  leases(): readonly Lease[] {
    return this.core.store.range('/registry/leases/').map((kv) => kv.value as Lease);
  }

  etcdKeys(): readonly EtcdKeyView[] {
    return this.core.store
      .keys()
      .map((kv) => ({ key: kv.key, createRevision: kv.createRevision, modRevision: kv.modRevision }));
  }

  etcdEntries(): readonly EtcdEntry[] {
    return this.core.store.keys();
  }

  etcdRevision(): number {
    return this.core.store.revision;
  }
}

function kubectlIdOf(host: HostName): string {
  return kubectlId(host);
}

export function createCluster(options: ClusterOptions = {}): SimCluster & { readonly core: ClusterCore } {
  return new Cluster(options);
}
