// A small stand-in for the simulated cluster, for the shell's unit tests: it
// keeps objects, answers requests after a few milliseconds, runs a pod on w2-k8s
// two seconds after it is created, and holds deletions while w2's kubelet is down.
import type {
  ClusterOptions,
  ConnectResult,
  HostState,
  HostTables,
  LogsResult,
  RuntimeView,
  SimCluster,
  WatchEvent,
} from '../../sim/api';
import type { ClusterInput, HostName } from '../../sim/inputs';
import type { KubeObject, Pod, Resource } from '../../sim/objects';
import { resourceOfKind } from '../../sim/objects';
import type { ApiRequest, ApiResponse } from '../../sim/protocol';
import { Trace } from '../../sim/trace';
import type { SimMs } from '../../sim/units';
import { fakeNode } from './fakeNode';

type MutableHost = { -readonly [K in keyof HostState]: HostState[K] } & {
  services: Record<'kubelet' | 'docker' | 'network', 'active' | 'inactive' | 'absent'>;
};

const LATENCY = 5;

export class FakeCluster implements SimCluster {
  readonly options: Required<ClusterOptions> = { seed: 1, lab: 'ready', workers: 3, profile: '1.18' };
  readonly trace = new Trace();
  readonly inputs: ClusterInput[] = [];
  private t = 0;
  private timers: { due: number; seq: number; fn: () => void }[] = [];
  private seq = 0;
  private readonly store = new Map<string, KubeObject>();
  private readonly hostMap = new Map<string, MutableHost>();
  private readonly waiters = new Set<() => void>();
  apiUp = true;
  /** What curl to a pod IP gets; 'ok' serves nginx's page. */
  podNetwork: 'ok' | 'timeout' = 'ok';

  constructor(opts: { lab?: 'fresh' | 'ready' } = {}) {
    const ready = (opts.lab ?? 'ready') === 'ready';
    const hosts: [string, string, 'master' | 'worker'][] = [
      ['m-k8s', '192.168.1.10', 'master'],
      ['w1-k8s', '192.168.1.101', 'worker'],
      ['w2-k8s', '192.168.1.102', 'worker'],
      ['w3-k8s', '192.168.1.103', 'worker'],
    ];
    for (const [name, ip, role] of hosts) {
      this.hostMap.set(name, {
        name,
        ip,
        role,
        powered: true,
        booting: false,
        services: { kubelet: 'active', docker: 'active', network: 'active' },
        modules: { br_netfilter: true },
        podBlock:
          { 'm-k8s': '172.16.171.64', 'w1-k8s': '172.16.221.128', 'w2-k8s': '172.16.103.128' }[name] ??
          '172.16.132.0',
        morePodBlocks: [],
        serviceLog: [],
        joined: ready,
        manifests:
          ready && role === 'master'
            ? ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager']
            : [],
        cniInstalled: ready,
        bootedAt: -3_600_000 as SimMs,
      });
      if (ready) this.put(fakeNode(name, ip, role, -1_740_000));
    }
    if (!ready) this.apiUp = false;
  }

  get now(): SimMs {
    return this.t as SimMs;
  }

  private at(delay: number, fn: () => void): () => void {
    const timer = { due: this.t + delay, seq: ++this.seq, fn };
    this.timers.push(timer);
    this.timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
    return () => {
      this.timers = this.timers.filter((x) => x !== timer);
    };
  }

  nextEventAt(): SimMs | undefined {
    return this.timers[0]?.due as SimMs | undefined;
  }

  advanceTo(target: SimMs): void {
    for (;;) {
      const next = this.timers[0];
      if (!next || next.due > target) break;
      this.timers.shift();
      this.t = next.due;
      next.fn();
    }
    this.t = target;
  }

  private key(resource: Resource, name: string, ns?: string): string {
    return resource === 'nodes' ? `nodes/${name}` : `${resource}/${ns ?? 'default'}/${name}`;
  }

  private put(o: KubeObject): void {
    this.store.set(this.key(resourceOfKind[o.kind], o.metadata.name, o.metadata.namespace), o);
    for (const w of [...this.waiters]) w();
  }

  private drop(key: string): void {
    this.store.delete(key);
    for (const w of [...this.waiters]) w();
  }

  dispatch(input: ClusterInput): boolean {
    this.inputs.push(input);
    if ('host' in input && input.host) {
      const h = this.hostMap.get(input.host);
      if (!h) return false;
      if (
        input.type === 'service.stop' ||
        input.type === 'service.start' ||
        input.type === 'service.restart'
      ) {
        const was = h.services[input.service] === 'active';
        const how = input.type === 'service.restart' ? (was ? 'restart' : 'start') : input.type.slice(8);
        if (how === 'restart' || (how === 'stop') === was)
          h.serviceLog = [...h.serviceLog, { service: input.service, how: how as 'start', at: this.now }];
        h.services[input.service] = input.type === 'service.stop' ? 'inactive' : 'active';
      }
      if (input.type === 'module.remove') h.modules = { br_netfilter: false };
      if (input.type === 'module.load') h.modules = { br_netfilter: true };
      if (input.type === 'host.reboot') {
        h.booting = true;
        this.at(30_000, () => {
          h.booting = false;
        });
      }
      if (input.type === 'kubeadm.init') this.at(20_000, () => (this.apiUp = true));
      if (input.type === 'kubeadm.join' || input.type === 'kubeadm.init') h.joined = true;
      if (input.type === 'service.start' && input.service === 'kubelet') this.reapTerminating(input.host);
    }
    return true;
  }

  private reapTerminating(host: string): void {
    for (const [k, o] of this.store) {
      if (o.kind === 'Pod' && o.spec.nodeName === host && o.metadata.deletionTimestamp !== undefined)
        this.at(2000, () => this.drop(k));
    }
  }

  hosts(): readonly HostState[] {
    return [...this.hostMap.values()];
  }

  host(name: HostName): HostState | undefined {
    return this.hostMap.get(name);
  }

  components() {
    return [];
  }

  request(_host: HostName, req: ApiRequest, onResponse: (res: ApiResponse) => void): () => void {
    return this.at(LATENCY, () => onResponse(this.serve(req)));
  }

  private serve(req: ApiRequest): ApiResponse {
    if (!this.apiUp)
      return { ok: false, code: 0, reason: 'ConnectionRefused', message: 'connection refused' };
    const ns = req.resource === 'nodes' ? undefined : (req.namespace ?? 'default');
    const key = req.name ? this.key(req.resource, req.name, ns) : '';
    const what = req.resource === 'deployments' ? 'deployments.apps' : req.resource;
    const notFound: ApiResponse = {
      ok: false,
      code: 404,
      reason: 'NotFound',
      message: `${what} "${req.name}" not found`,
    };
    switch (req.verb) {
      case 'list': {
        const items = [...this.store.values()].filter(
          (o) =>
            resourceOfKind[o.kind] === req.resource &&
            (req.allNamespaces || ns === undefined || o.metadata.namespace === ns),
        );
        return { ok: true, items };
      }
      case 'get': {
        const o = this.store.get(key);
        return o ? { ok: true, object: o } : notFound;
      }
      case 'create': {
        const body = req.body as KubeObject;
        const k = this.key(req.resource, body.metadata.name, body.metadata.namespace);
        if (this.store.has(k))
          return {
            ok: false,
            code: 409,
            reason: 'AlreadyExists',
            message: `${what} "${body.metadata.name}" already exists`,
          };
        const o = {
          ...body,
          metadata: {
            ...body.metadata,
            uid: `uid-${body.metadata.name}`,
            creationTimestamp: this.now,
            resourceVersion: 1,
          },
        } as KubeObject;
        this.put(o);
        if (o.kind === 'Pod') this.at(2000, () => this.run(k));
        return { ok: true, object: o };
      }
      case 'patch':
      case 'update': {
        const o = this.store.get(key);
        if (!o) return notFound;
        const next = req.patch ? req.patch(o) : (req.body ?? o);
        this.put(next);
        return { ok: true, object: next };
      }
      case 'delete': {
        const o = this.store.get(key);
        if (!o) return notFound;
        if (o.kind !== 'Pod' || req.force) {
          this.drop(key);
          return { ok: true, object: o };
        }
        const node = o.spec.nodeName ? this.hostMap.get(o.spec.nodeName) : undefined;
        this.put({ ...o, metadata: { ...o.metadata, deletionTimestamp: this.now } });
        if (!node || node.services.kubelet === 'active') this.at(1500, () => this.drop(key));
        return { ok: true, object: o };
      }
      default:
        return { ok: false, code: 500, reason: 'InternalError', message: 'not in the fake' };
    }
  }

  private run(key: string): void {
    const p = this.store.get(key);
    if (p?.kind !== 'Pod') return;
    const pod: Pod = {
      ...p,
      spec: { ...p.spec, nodeName: 'w2-k8s' },
      status: {
        phase: 'Running',
        podIP: '172.16.103.129',
        hostIP: '192.168.1.102',
        startTime: this.now,
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: p.spec.containers.map((c) => ({
          name: c.name,
          image: c.image,
          ready: true,
          restartCount: 0,
          state: { running: { startedAt: this.now } },
        })),
      },
    };
    this.put(pod);
  }

  /** The fake answers a watch with what it holds and then streams nothing. */
  watch(host: HostName, req: ApiRequest, onEvent: (e: WatchEvent) => void): () => void {
    return this.request(host, { ...req, verb: 'list' }, (res) => onEvent({ type: 'start', res }));
  }

  waitForDeletion(_host: HostName, req: ApiRequest, onGone: () => void): () => void {
    const key = this.key(
      req.resource,
      req.name ?? '',
      req.resource === 'nodes' ? undefined : (req.namespace ?? 'default'),
    );
    const check = () => {
      if (!this.store.has(key)) {
        this.waiters.delete(check);
        this.at(0, onGone);
      }
    };
    this.waiters.add(check);
    check();
    return () => this.waiters.delete(check);
  }

  /** Every pod and node of the fake lab answers ping. */
  /** The fake has no kube-proxy: its hosts' tables are empty. */
  iptables(_host: HostName): HostTables | undefined {
    return { nat: { chains: [], rules: [] }, filter: { chains: [], rules: [] } };
  }

  ping(_from: HostName, ip: string, onReply: () => void): () => void {
    const known = [...this.store.values()].some((o) => o.kind === 'Pod' && o.status.podIP === ip);
    return known || ip.startsWith('192.168.1.') ? this.at(1, onReply) : () => {};
  }

  /** The fake lab keeps no containers: docker holds nothing, every pod's log is empty. */
  runtime(node: string): RuntimeView | undefined {
    if (!this.hostMap.has(node)) return undefined;
    return { running: true, sandboxes: [], containers: [], images: [], logs: () => [] };
  }

  containerLogs(): LogsResult {
    return { ok: true, entries: [], running: true };
  }

  connect(_from: HostName, ip: string, port: number, onResult: (r: ConnectResult) => void): () => void {
    const pod = [...this.store.values()].find((o) => o.kind === 'Pod' && o.status.podIP === ip);
    if (!pod) return this.at(127_000, () => onResult({ ok: false, error: 'timeout' }));
    if (this.podNetwork === 'timeout')
      return this.at(127_000, () => onResult({ ok: false, error: 'timeout' }));
    if (port !== 80) return this.at(2, () => onResult({ ok: false, error: 'refused' }));
    return this.at(3, () =>
      onResult({ ok: true, body: '<!DOCTYPE html>\n<title>Welcome to nginx!</title>\n' }),
    );
  }

  resolve(
    _from: HostName,
    name: string,
    onResult: (ip: string | undefined, error?: 'timeout' | 'nxdomain') => void,
  ): () => void {
    return this.at(2, () =>
      name.startsWith('kubernetes') ? onResult('10.96.0.1') : onResult(undefined, 'nxdomain'),
    );
  }

  faults(): readonly { readonly id: string; readonly target?: string }[] {
    return [];
  }

  etcdSnapshot(): unknown {
    return new Map(this.store);
  }

  etcdRestore(snapshot: unknown): boolean {
    if (!(snapshot instanceof Map)) return false;
    this.store.clear();
    for (const [k, v] of snapshot) this.store.set(k as string, v as KubeObject);
    return true;
  }

  pods() {
    return [];
  }
  nodes() {
    return [...this.store.values()].filter((o) => o.kind === 'Node');
  }
  leases() {
    return [...this.store.values()].filter((o) => o.kind === 'Lease');
  }
  etcdKeys() {
    return [];
  }
  etcdEntries() {
    return [];
  }
  etcdRevision(): number {
    return 0;
  }
  objects(): readonly KubeObject[] {
    return [...this.store.values()];
  }
  pod(namespace: string, name: string): Pod | undefined {
    const o = this.store.get(this.key('pods', name, namespace));
    return o?.kind === 'Pod' ? o : undefined;
  }
}
