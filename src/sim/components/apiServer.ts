// 1 API server: the hub. It admits and validates requests, is the only one that
// talks to etcd, and tells each watcher of every change it cares about.

import type { RequestBody, ResponseBody, WatchBody } from '../client';
import { describeRequest, subjectOf } from '../client';
import type { EtcdStore, KeyValue } from '../etcdStore';
import { firstGeneration, nextGeneration } from '../generation';
import type { Message, Net } from '../net';
import type { ComponentStatus, KubeObject, Pod, Resource, Service } from '../objects';
import { namespaced, registryKey, resourceOfKind } from '../objects';
import type { TokenVolumeKind } from '../podDefaults';
import type { ApiRequest, ApiResponse, WatchAction } from '../protocol';
import { groupResource } from '../resourceKinds';
import type { Rng } from '../rng';
import { selection } from '../selection';
import { allocateService } from '../serviceAllocation';
import type { ComponentId } from '../trace';
import type { SimMs } from '../units';
import { managerOf, withManagedFields } from '../wire/managedFields';
import { admit, invalidName } from './admission';
import type { EtcdOp, EtcdReply, EtcdRequest } from './etcd';
import { ETCD } from './etcd';
import {
  deleteNamespace,
  finalized,
  namespaceObject,
  refuseCreate,
  refuseDelete,
  SYSTEM_NAMESPACES,
} from './namespaceLifecycle';
import type { ComponentLogic } from './processMachine';

export const API = 'apiserver';

interface Watcher {
  readonly id: ComponentId;
  readonly resource: Resource;
  readonly nodeSelector?: string;
  /** kubectl delete --wait watches one object by name. */
  readonly name?: string;
  /** The request's label and field selectors, parsed. */
  readonly selects?: (o: KubeObject) => boolean;
  /** A namespaced watch (kubectl get -w -n X); undefined watches every namespace. */
  readonly namespace?: string;
  /** The watch request's id on its connection: each notification names its stream. */
  readonly reqId: number;
}

function listPrefix(req: ApiRequest, ns: string | undefined): string {
  if (namespaced[req.resource] && !req.allNamespaces) return registryKey(req.resource, '', ns);
  return registryKey(req.resource, '', undefined).replace(/\/default\/$/, '/');
}

function matches(w: Watcher, obj: KubeObject): boolean {
  if (w.name !== undefined && obj.metadata.name !== w.name) return false;
  if (w.namespace !== undefined && (obj.metadata.namespace ?? 'default') !== w.namespace) return false;
  if (w.selects && !w.selects(obj)) return false;
  if (w.nodeSelector === undefined || obj.kind !== 'Pod') return true;
  return (obj.spec.nodeName ?? '') === w.nodeSelector;
}

/**
 * Changes kept per resource for watches that start from a resourceVersion: 1.18's
 * `--default-watch-cache-size` (100; kube-apiserver's options, MEM — not verified here).
 */
export const WATCH_CACHE_SIZE = 100;

interface Change {
  readonly revision: number;
  readonly action: WatchAction;
  readonly object: KubeObject;
  readonly prev: KubeObject | undefined;
}

export class ApiServerLogic implements ComponentLogic {
  private etcdReq = 1;
  private readonly waiting = new Map<number, (r: EtcdReply['result']) => void>();
  private watchers: Watcher[] = [];
  /** The watch cache's history: each resource's last changes, and the revision before the oldest kept. */
  private readonly history = new Map<Resource, { from: number; changes: Change[] }>();
  private historyFrom = 0;
  private readonly bootstrapping = new Set<string>();

  constructor(
    private readonly net: Net,
    private readonly rng: Rng,
    /** The watch cache, kept in step with etcd; undefined while etcd cannot be reached. */
    private readonly watchCache: () => EtcdStore<KubeObject> | undefined,
    /** The componentstatuses its probes find now (nothing of them is stored). */
    private readonly probe: () => readonly ComponentStatus[] = () => [],
    /** What the ServiceAccount admission plugin mounts in a pod (the profile's `apiServer.tokenVolume`). */
    private readonly tokenVolume: TokenVolumeKind = 'secret',
    /** Pods have a metadata.generation (the profile's `apiServer.podGeneration`). */
    private readonly podGeneration = false,
  ) {}

  start(): void {
    // A new process's watch cache begins at the revision it starts from.
    this.history.clear();
    this.historyFrom = this.watchCache()?.revision ?? 0;
    this.bootstrapNamespaces();
  }

  /**
   * The bootstrap controller: on start (and then every minute) it creates the system
   * namespaces that are missing, so a fresh cluster has them before kubeadm adds anything.
   */
  private bootstrapNamespaces(): void {
    const store = this.watchCache();
    if (!store) return;
    for (const name of SYSTEM_NAMESPACES) {
      const key = registryKey('namespaces', name);
      if (store.get(key) || this.bootstrapping.has(key)) continue;
      const obj = firstGeneration(
        admit(namespaceObject(name, this.net.now(), true), this.net.now(), this.rng),
      );
      const reqId = this.etcdReq++;
      this.bootstrapping.add(key);
      this.waiting.set(reqId, (r) => {
        this.bootstrapping.delete(key);
        if (r.ok && r.kv) this.fanOut('namespaces', 'added', r.kv, undefined);
      });
      const body: EtcdRequest = { reqId, op: { type: 'create', key, value: obj } };
      this.net.send(API, ETCD, 'etcd.txn', `put ${key}`, body, {
        onRefused: () => {
          this.waiting.delete(reqId);
          this.bootstrapping.delete(key);
        },
      });
    }
  }

  stop(): void {
    // Watch connections die with the process; clients re-list when it is back.
    this.watchers = [];
    this.waiting.clear();
    this.bootstrapping.clear();
  }

  tick(): void {
    this.bootstrapNamespaces();
  }

  receive(m: Message): void {
    if (m.kind === 'etcd.result') {
      const { reqId, result } = m.body as EtcdReply;
      const cb = this.waiting.get(reqId);
      this.waiting.delete(reqId);
      cb?.(result);
      return;
    }
    if (m.kind.startsWith('api.')) this.serve(m);
  }

  private reply(m: Message, res: ApiResponse, summary: string): void {
    const { reqId } = m.body as RequestBody;
    const body: ResponseBody = { reqId, res };
    this.net.send(API, m.from, 'api.response', summary, body, {
      ...(m.envelope.subject ? { subject: m.envelope.subject } : {}),
    });
  }

  private etcd(m: Message, op: EtcdOp, summary: string, then: (r: EtcdReply['result']) => void): void {
    const reqId = this.etcdReq++;
    this.waiting.set(reqId, then);
    const body: EtcdRequest = { reqId, op };
    const read = op.type === 'get' || op.type === 'range';
    this.net.send(API, ETCD, read ? 'etcd.range' : 'etcd.txn', summary, body, {
      ...(m.envelope.subject ? { subject: m.envelope.subject } : {}),
      onRefused: () => {
        this.waiting.delete(reqId);
        this.reply(
          m,
          { ok: false, code: 500, reason: 'InternalError', message: 'etcdserver: request timed out' },
          '500 etcdserver: request timed out',
        );
      },
    });
  }

  private notFound(m: Message, req: ApiRequest): void {
    const what = groupResource(req.resource);
    this.reply(
      m,
      { ok: false, code: 404, reason: 'NotFound', message: `${what} "${req.name}" not found` },
      '404 NotFound',
    );
  }

  /** The storage's dry run: a read to refuse a name that exists, then the admitted object back. */
  private dryRunCreate(m: Message, obj: KubeObject): void {
    const resource = resourceOfKind[obj.kind];
    const k = registryKey(resource, obj.metadata.name, obj.metadata.namespace);
    this.etcd(m, { type: 'get', key: k }, `get ${k}`, (r) => {
      if (r.ok && r.kv) {
        const message = `${groupResource(resource)} "${obj.metadata.name}" already exists`;
        this.reply(m, { ok: false, code: 409, reason: 'AlreadyExists', message }, '409 AlreadyExists');
      } else
        this.reply(m, { ok: true, object: obj }, `201 Created ${resource}/${obj.metadata.name} (dry run)`);
    });
  }

  private badRequest(m: Message, message: string): void {
    this.reply(m, { ok: false, code: 400, reason: 'BadRequest', message }, '400 BadRequest');
  }

  private serve(m: Message): void {
    const { req } = m.body as RequestBody;
    const ns = namespaced[req.resource] ? (req.namespace ?? 'default') : undefined;
    const key = req.name && req.verb !== 'watch' ? registryKey(req.resource, req.name, ns) : '';
    switch (req.verb) {
      case 'watch': {
        // Watches are served from the API server's watch cache, so the list and the
        // start of the stream are one atomic step (client-go's resourceVersion handshake).
        const store = this.watchCache();
        if (!store) {
          this.reply(
            m,
            { ok: false, code: 500, reason: 'InternalError', message: 'etcdserver: request timed out' },
            '500 etcdserver: request timed out',
          );
          return;
        }
        const sel = selection(req);
        if (!sel.ok) {
          this.badRequest(m, sel.message);
          return;
        }
        const watcher: Watcher = {
          id: m.from,
          reqId: (m.body as RequestBody).reqId,
          // Components watch every namespace; a watch named by namespace sees only that one.
          ...(ns !== undefined && !req.allNamespaces && m.from.startsWith('kubectl@')
            ? { namespace: ns }
            : {}),
          ...(sel.selects ? { selects: sel.selects } : {}),
          resource: req.resource,
          ...(req.nodeSelector !== undefined ? { nodeSelector: req.nodeSelector } : {}),
          ...(req.name !== undefined ? { name: req.name } : {}),
        };
        // One stream per watcher, resource and object name: kubectl waits on several pods at once (delete --all).
        this.watchers = this.watchers.filter(
          (w) => !(w.id === m.from && w.resource === req.resource && w.name === req.name),
        );
        if (req.resourceVersion !== undefined && req.resourceVersion > 0) {
          const kept = this.history.get(req.resource) ?? { from: this.historyFrom, changes: [] };
          if (req.resourceVersion < kept.from) {
            const expired = `too old resource version: ${req.resourceVersion} (${kept.from + 1})`;
            this.reply(m, { ok: true, expired }, `410 ${expired}`);
            return;
          }
          const changes = kept.changes
            .filter((c) => c.revision > (req.resourceVersion as number))
            .flatMap((c) => {
              const action = actionFor(watcher, c.action, c.object, c.prev);
              return action ? [{ action, object: c.object }] : [];
            });
          this.watchers.push(watcher);
          this.reply(m, { ok: true, changes }, `200 ${changes.length} changes of ${req.resource}, watching`);
          return;
        }
        const prefix = listPrefix(req, ns);
        const visible = store
          .range(prefix)
          .map((kv) => kv.value)
          .filter((o) => matches(watcher, o));
        this.watchers.push(watcher);
        this.reply(m, { ok: true, items: visible }, `200 ${visible.length} ${req.resource}, watching`);
        return;
      }
      case 'list': {
        if (req.resource === 'componentstatuses') {
          const items = this.probe();
          this.reply(m, { ok: true, items }, `200 ${items.length} componentstatuses`);
          return;
        }
        const prefix = listPrefix(req, ns);
        const sel = selection(req);
        if (!sel.ok) {
          this.badRequest(m, sel.message);
          return;
        }
        this.etcd(m, { type: 'range', prefix }, `range ${prefix}`, (r) => {
          const items = r.ok ? (r.kvs ?? []).map((kv) => kv.value) : [];
          const visible = items.filter(
            (o) =>
              (req.nodeSelector === undefined ||
                o.kind !== 'Pod' ||
                (o.spec.nodeName ?? '') === req.nodeSelector) &&
              (!sel.selects || sel.selects(o)),
          );
          this.reply(m, { ok: true, items: visible }, `200 ${visible.length} ${req.resource}`);
        });
        return;
      }
      case 'get':
        if (req.resource === 'componentstatuses') {
          const found = this.probe().find((c) => c.metadata.name === req.name);
          if (found) this.reply(m, { ok: true, object: found }, `200 componentstatuses/${req.name}`);
          else this.notFound(m, req);
          return;
        }
        this.etcd(m, { type: 'get', key }, `get ${key}`, (r) => {
          if (r.ok && r.kv)
            this.reply(m, { ok: true, object: r.kv.value }, `200 ${req.resource}/${req.name}`);
          else this.notFound(m, req);
        });
        return;
      case 'create': {
        if (!req.body) return;
        const invalid = invalidName(req.body);
        if (invalid) {
          this.reply(m, { ok: false, code: 422, reason: 'Invalid', message: invalid }, '422 Invalid');
          return;
        }
        let obj = firstGeneration(
          admit(req.body, this.net.now(), this.rng, managerOf(m.from), this.tokenVolume),
          this.podGeneration,
        );
        const refused = refuseCreate(obj, this.watchCache());
        if (refused) {
          this.reply(m, refused, `${refused.code} ${refused.reason}`);
          return;
        }
        if (obj.kind === 'Service') {
          const store = this.watchCache();
          const existing = (
            store?.range(registryKey('services', '', undefined).replace(/default\/$/, '')) ?? []
          )
            .map((kv) => kv.value)
            .filter((o): o is Service => o.kind === 'Service');
          const allocated = allocateService(obj, existing, this.rng);
          if (!allocated.ok) {
            this.reply(
              m,
              { ok: false, code: 422, reason: 'Invalid', message: allocated.message },
              '422 Invalid',
            );
            return;
          }
          obj = allocated.service;
        }
        const resource = resourceOfKind[obj.kind];
        if (req.dryRun) {
          this.dryRunCreate(m, obj);
          return;
        }
        const k = registryKey(resource, obj.metadata.name, obj.metadata.namespace);
        this.etcd(m, { type: 'create', key: k, value: obj }, `put ${k}`, (r) => {
          if (r.ok && r.kv) {
            this.reply(m, { ok: true, object: r.kv.value }, `201 Created ${resource}/${obj.metadata.name}`);
            this.fanOut(resource, 'added', r.kv, undefined);
          } else {
            const message = `${groupResource(resource)} "${obj.metadata.name}" already exists`;
            this.reply(m, { ok: false, code: 409, reason: 'AlreadyExists', message }, '409 AlreadyExists');
          }
        });
        return;
      }
      case 'update':
      case 'updateStatus':
      case 'patch':
      case 'bind': {
        const mutate = this.mutation(req, managerOf(m.from));
        const fn = (o: KubeObject): KubeObject | 'delete' => {
          const next = mutate(o);
          return finalized(next) ? 'delete' : next;
        };
        this.etcd(m, { type: 'mutate', key, fn }, `put ${key}`, (r) => {
          if (!r.ok) return this.notFound(m, req);
          if (r.deleted && r.prev) this.fanOutDelete(req.resource, r.prev);
          else if (r.kv) this.fanOut(req.resource, 'modified', r.kv, r.prev);
          this.reply(
            m,
            { ok: true, object: (r.kv ?? r.prev)?.value as KubeObject },
            req.verb === 'bind' ? '201 Created binding' : `200 ${describeRequest(req).split(' ')[1]}`,
          );
        });
        return;
      }
      case 'delete': {
        const immortal = req.resource === 'namespaces' ? refuseDelete(req.name ?? '') : undefined;
        if (immortal) {
          this.reply(m, immortal, '403 Forbidden');
          return;
        }
        if (req.dryRun) {
          // A dry-run delete reads the object and answers as if it were deleted.
          this.etcd(m, { type: 'get', key }, `get ${key}`, (r) => {
            if (r.ok && r.kv)
              this.reply(m, { ok: true, object: r.kv.value }, `200 ${req.resource}/${req.name} (dry run)`);
            else this.notFound(m, req);
          });
          return;
        }
        const fn = (o: KubeObject): KubeObject | 'delete' => this.deletion(o, req);
        this.etcd(m, { type: 'mutate', key, fn }, `delete ${key}`, (r) => {
          if (!r.ok) return this.notFound(m, req);
          if (r.deleted && r.prev) this.fanOutDelete(req.resource, r.prev);
          else if (r.kv) this.fanOut(req.resource, 'modified', r.kv, r.prev);
          this.reply(
            m,
            { ok: true, object: (r.kv ?? r.prev)?.value as KubeObject },
            `200 deleted ${req.resource}/${req.name}`,
          );
        });
        return;
      }
    }
  }

  private mutation(req: ApiRequest, manager: string): (o: KubeObject) => KubeObject {
    const write = this.write(req);
    if (req.verb === 'bind') return write;
    // The binding subresource sets nodeName and PodScheduled in storage: no manager takes them.
    const now = this.net.now();
    return (o) => {
      const n = write(o);
      return n === o ? o : withManagedFields(o, n, manager, now);
    };
  }

  private write(req: ApiRequest): (o: KubeObject) => KubeObject {
    if (req.verb === 'bind') {
      const node = req.nodeName ?? '';
      const now = this.net.now();
      return (o) => {
        if (o.kind !== 'Pod' || o.spec.nodeName) return o;
        const conditions = [
          ...o.status.conditions.filter((c) => c.type !== 'PodScheduled'),
          { type: 'PodScheduled', status: 'True' as const, lastProbeTime: null, lastTransitionTime: now },
        ];
        return { ...o, spec: { ...o.spec, nodeName: node }, status: { ...o.status, conditions } };
      };
    }
    if (req.verb === 'updateStatus') return req.patch ?? ((o) => req.body ?? o);
    const patch = req.patch;
    const body = req.body;
    return (o) => nextGeneration(o, patch ? patch(o) : (body ?? o), this.podGeneration);
  }

  /**
   * Graceful deletion: a pod that a kubelet may be running only gets a
   * deletionTimestamp; the kubelet removes it for good once its containers are gone.
   */
  private deletion(o: KubeObject, req: ApiRequest): KubeObject | 'delete' {
    if (o.kind === 'Namespace') return deleteNamespace(o, this.net.now());
    if (o.kind !== 'Pod') return 'delete';
    const pod: Pod = o;
    const grace =
      req.gracePeriodSeconds ??
      pod.metadata.deletionGracePeriodSeconds ??
      pod.spec.terminationGracePeriodSeconds;
    if (!pod.spec.nodeName || req.force || grace === 0) return 'delete';
    if (pod.metadata.deletionTimestamp !== undefined) return pod;
    const now = this.net.now();
    return {
      ...pod,
      metadata: {
        ...pod.metadata,
        deletionTimestamp: (now + grace * 1000) as SimMs,
        deletionGracePeriodSeconds: grace,
      },
    };
  }

  private fanOut(
    resource: Resource,
    action: WatchAction,
    kv: KeyValue<KubeObject>,
    prev: KeyValue<KubeObject> | undefined,
  ): void {
    const obj = kv.value;
    this.remember(resource, { revision: kv.modRevision, action, object: obj, prev: prev?.value });
    const out: { w: Watcher; a: WatchAction; rank: number }[] = [];
    for (const w of this.watchers) {
      if (w.resource !== resource) continue;
      const a = actionFor(w, action, obj, prev?.value);
      if (a) out.push({ w, a, rank: notifyRank(w.id, resource, a, obj) });
    }
    // A new pod's notifications go out controller manager, scheduler, kubelet; the rest in watch order.
    out.sort((x, y) => x.rank - y.rank);
    for (const { w, a } of out) this.notify(w, resource, a, obj);
  }

  private remember(resource: Resource, change: Change): void {
    let kept = this.history.get(resource);
    if (!kept) {
      kept = { from: this.historyFrom, changes: [] };
      this.history.set(resource, kept);
    }
    kept.changes.push(change);
    if (kept.changes.length > WATCH_CACHE_SIZE) kept.from = (kept.changes.shift() as Change).revision;
  }

  private fanOutDelete(resource: Resource, prev: KeyValue<KubeObject>): void {
    const revision = this.watchCache()?.revision ?? prev.modRevision;
    this.remember(resource, { revision, action: 'deleted', object: prev.value, prev: prev.value });
    for (const w of this.watchers)
      if (w.resource === resource && matches(w, prev.value)) this.notify(w, resource, 'deleted', prev.value);
  }

  /** The client closed its watch connection (kubectl get -w ended by Ctrl+C). */
  closeWatch(id: ComponentId, reqId: number): void {
    this.watchers = this.watchers.filter((w) => !(w.id === id && w.reqId === reqId));
  }

  private notify(w: Watcher, resource: Resource, action: WatchAction, object: KubeObject): void {
    const body: WatchBody = { resource, action, object, reqId: w.reqId };
    const subject = `${resource}/${object.metadata.name}`;
    this.net.send(API, w.id, `watch.${resource}.${action}`, `${action} ${subject}`, body, {
      subject,
    });
  }
}

/** What a change is to one watcher: a change that enters its selection is added to it, one that leaves it deleted. */
function actionFor(
  w: Watcher,
  action: WatchAction,
  obj: KubeObject,
  prev: KubeObject | undefined,
): WatchAction | undefined {
  if (action === 'deleted') return prev && matches(w, prev) ? 'deleted' : undefined;
  const now = matches(w, obj);
  const before = prev ? matches(w, prev) : false;
  if (!now && !before) return undefined;
  return now && !before ? 'added' : !now && before ? 'deleted' : action;
}

/**
 * Where a watcher's notification of a live pod comes among those of one change. A real API
 * server sends them in its watchers' order; this lab fixes the order so that the controller
 * manager hears of a new pod first, then the scheduler (of a pod without a node), then the
 * kubelets, and the trace reads in the order the book tells it.
 */
function notifyRank(watcher: ComponentId, resource: Resource, action: WatchAction, obj: KubeObject): number {
  if (resource !== 'pods' || obj.kind !== 'Pod' || obj.metadata.deletionTimestamp !== undefined) return 9;
  if (action !== 'added') return 9;
  if (watcher === 'controller-manager') return 3;
  if (watcher === 'scheduler' && !obj.spec.nodeName) return 4;
  if (watcher.startsWith('kubelet@')) return 5;
  return 9;
}

export { subjectOf };
