// 3 controller manager: the Deployment, ReplicaSet, DaemonSet, node lifecycle and
// garbage-collector controllers in one process. Each compares what is wanted with
// what is, and asks the API server to close the gap.
import { ApiClient } from '../client';
import { EndpointsController } from '../controllers/endpointsController';
import { NamespaceController } from '../controllers/namespaceController';
import { NodeLifecycleController } from '../controllers/nodeLifecycleController';
import { OwnerIndex } from '../controllers/ownerIndex';
import {
  copiedAnnotations,
  planRollout,
  REVISION,
  replicaAnnotations,
  revisionOf,
  rolloutStatus,
} from '../controllers/rollout';
import type { SlowStart } from '../controllers/slowStart';
import { BURST_REPLICAS, slowStartBatch } from '../controllers/slowStart';
import type { KnownHash } from '../controllers/workloads';
import {
  daemonNodes,
  ownedBy,
  podFromTemplate,
  podsToDelete,
  replicaSetFor,
  replicaSetName,
} from '../controllers/workloads';
import { recordEvent } from '../events';
import { Informer, objectKey } from '../informer';
import type { Message, Net } from '../net';
import type { DaemonSet, Deployment, KubeObject, Lease, Node, Pod, ReplicaSet } from '../objects';
import { resourceOfKind } from '../objects';
import { CONTROLLER_MANAGER_BURST, CONTROLLER_MANAGER_QPS, TokenBucket } from '../rateLimiter';
import type { ComponentLogic } from './processMachine';

export const CONTROLLER_MANAGER = 'controller-manager';

/** A stored status written out, once per status object (stored objects are immutable). */
const statusTexts = new WeakMap<object, string>();

function statusText(status: object | undefined): string {
  if (typeof status !== 'object' || status === null) return JSON.stringify(status);
  let text = statusTexts.get(status);
  if (text === undefined) {
    text = JSON.stringify(status);
    statusTexts.set(status, text);
  }
  return text;
}

export class ControllerManagerLogic implements ComponentLogic {
  private readonly client: ApiClient;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  private readonly leases: Informer<Lease>;
  private readonly deployments: Informer<Deployment>;
  private readonly replicasets: Informer<ReplicaSet>;
  private readonly daemonsets: Informer<DaemonSet>;
  /** Creates and deletes asked for but not yet seen in the watch (client-go's expectations). */
  private readonly expecting = new Map<string, number>();
  private readonly deleting = new Set<string>();
  private readonly creatingRs = new Set<string>();
  /** The last status each object was sent, so a status in flight is not sent again. */
  private readonly statusSent = new Map<string, string>();
  private ticks = 0;
  private readonly lifecycle: NodeLifecycleController;
  private readonly endpointsController: EndpointsController;
  private readonly namespaceController: NamespaceController;
  /** The work queue: uids of the objects whose controllers must look again (client-go keys). */
  private readonly dirty = new Set<string>();
  private dirtyAllDaemonSets = false;
  /** An owner was deleted: the garbage collector looks for its dependents at once. */
  private orphansMaybe = false;
  private readonly owned = new OwnerIndex();
  /** ReplicaSets' create rounds still sending batches, with the ReplicaSet's uid. */
  private readonly slowStarts = new Map<SlowStart, string>();

  constructor(
    private readonly net: Net,
    /** --node-monitor-grace-period, the lab's version's default (src/sim/profiles). */
    nodeMonitorGraceMs?: number,
    /** The hashes real clusters of the lab's version give the add-ons' templates. */
    private readonly knownHash?: KnownHash,
  ) {
    this.client = new ApiClient(
      net,
      CONTROLLER_MANAGER,
      new TokenBucket(CONTROLLER_MANAGER_QPS, CONTROLLER_MANAGER_BURST),
    );
    const ownerOf = (o: KubeObject) => o.metadata.ownerReferences?.[0]?.uid;
    this.pods = new Informer<Pod>(this.client, 'pods', (action, obj, old) => {
      this.endpointsController.podChanged(obj, old);
      if (action !== 'modified') this.seen(obj as Pod, action);
      const key = objectKey(obj);
      this.owned.set(key, this.pods.cache.get(key));
      const owner = ownerOf(obj);
      if (owner) {
        this.dirty.add(owner);
        const rsOwner = this.rsOwner.get(owner);
        if (rsOwner) this.dirty.add(rsOwner);
      }
    });
    this.nodes = new Informer<Node>(this.client, 'nodes', () => {
      this.dirtyAllDaemonSets = true;
    });
    // The node lifecycle controller reads renewals from its cache when it next looks (every 5 s).
    this.leases = new Informer<Lease>(this.client, 'leases', () => {});
    this.deployments = new Informer<Deployment>(this.client, 'deployments', (a, obj) => {
      this.dirty.add(obj.metadata.uid);
      if (a === 'deleted') this.orphansMaybe = true;
    });
    this.replicasets = new Informer<ReplicaSet>(this.client, 'replicasets', (action, obj) => {
      if (action === 'added') this.creatingRs.delete(obj.metadata.name);
      if (action === 'deleted') this.orphansMaybe = true;
      const owner = ownerOf(obj);
      if (owner && action !== 'deleted') this.rsOwner.set(obj.metadata.uid, owner);
      this.dirty.add(obj.metadata.uid);
      if (owner) this.dirty.add(owner);
    });
    this.daemonsets = new Informer<DaemonSet>(this.client, 'daemonsets', (a, obj) => {
      this.dirty.add(obj.metadata.uid);
      if (a === 'deleted') this.orphansMaybe = true;
    });
    this.endpointsController = new EndpointsController(this.client, this.pods);
    this.namespaceController = new NamespaceController(this.client);
    this.lifecycle = new NodeLifecycleController({
      client: this.client,
      now: () => this.net.now(),
      nodes: this.nodes,
      leases: this.leases,
      pods: this.pods,
      synced: () => this.synced(),
      isDeleting: (uid) => this.deleting.has(uid),
      deletePod: (p, about, reason, message, component) =>
        this.deletePod(p, about, reason, message, component),
      ...(nodeMonitorGraceMs !== undefined ? { nodeMonitorGraceMs } : {}),
    });
  }

  /** ReplicaSet uid → its Deployment's uid. */
  private readonly rsOwner = new Map<string, string>();

  private informers() {
    return [
      this.deployments,
      this.replicasets,
      this.daemonsets,
      this.nodes,
      this.leases,
      this.pods,
      ...this.endpointsController.informers(),
      this.namespaceController.informer,
    ] as const;
  }

  start(): void {
    this.client.activate();
    for (const i of this.informers()) i.start(this.net.now());
  }

  stop(): void {
    this.client.reset();
    for (const i of this.informers()) i.reset();
    this.owned.clear();
    for (const run of this.slowStarts.keys()) run.abort();
    this.slowStarts.clear();
    this.expecting.clear();
    this.deleting.clear();
    this.creatingRs.clear();
    this.createdRs.clear();
    this.lifecycle.reset();
    this.endpointsController.reset();
    this.namespaceController.reset();
    this.statusSent.clear();
  }

  /**
   * Writes a workload's status when it differs from what is stored, and not twice while
   * the first write is in flight (the watch has not shown it back yet).
   */
  private writeStatus<T extends Deployment | ReplicaSet | DaemonSet>(obj: T, status: T['status']): void {
    const text = JSON.stringify(status);
    const uid = obj.metadata.uid;
    if (text === statusText(obj.status) || this.statusSent.get(uid) === text) return;
    this.statusSent.set(uid, text);
    const kind = obj.kind;
    this.client.request({
      verb: 'updateStatus',
      resource: resourceOfKind[kind],
      namespace: obj.metadata.namespace ?? 'default',
      name: obj.metadata.name,
      patch: (o) => (o.kind === kind ? ({ ...o, status } as KubeObject) : o),
    });
  }

  apiDown(): void {
    for (const i of this.informers()) i.disconnected(this.net.now());
    // Answers the API server never sent will not come: batches not yet sent are dropped
    // from the expectations, so the next sync after the re-list creates them.
    for (const [run, uid] of this.slowStarts)
      this.expecting.set(uid, Math.max(0, (this.expecting.get(uid) ?? 0) - run.abort()));
    this.slowStarts.clear();
  }

  receive(m: Message): void {
    if (this.client.handle(m)) return;
    for (const i of this.informers()) if (i.handle(m)) break;
    if (this.dirty.size > 0 || this.dirtyAllDaemonSets || this.orphansMaybe) this.reconcile(false);
    this.endpointsController.sync(false);
    this.namespaceController.sync(false);
  }

  tick(): void {
    const now = this.net.now();
    for (const i of this.informers()) i.tick(now);
    this.ticks += 1;
    // Woken every 5 s (node-monitor-period); a full resync of every object every 30 s.
    this.lifecycle.monitorNodes();
    this.lifecycle.evictPods();
    this.reconcile(this.ticks % 6 === 0);
    this.endpointsController.sync(this.ticks % 6 === 0);
    this.namespaceController.sync(true);
  }

  private synced(): boolean {
    return this.informers().every((i) => i.synced);
  }

  private seen(pod: Pod, action: string): void {
    const owner = pod.metadata.ownerReferences?.[0]?.uid;
    if (action === 'added' && owner) {
      const n = this.expecting.get(owner) ?? 0;
      if (n > 0) this.expecting.set(owner, n - 1);
    }
    if (action === 'deleted') this.deleting.delete(pod.metadata.uid);
  }

  private reconcile(all: boolean): void {
    if (!this.synced()) return;
    const allDs = all || this.dirtyAllDaemonSets;
    const dirty = new Set(this.dirty);
    this.dirty.clear();
    this.dirtyAllDaemonSets = false;
    for (const d of this.deployments.list()) if (all || dirty.has(d.metadata.uid)) this.syncDeployment(d);
    for (const rs of this.replicasets.list()) if (all || dirty.has(rs.metadata.uid)) this.syncReplicaSet(rs);
    for (const ds of this.daemonsets.list()) if (allDs || dirty.has(ds.metadata.uid)) this.syncDaemonSet(ds);
    if (all || this.orphansMaybe) {
      this.orphansMaybe = false;
      this.collectGarbage();
    }
  }

  private syncDeployment(d: Deployment): void {
    const ns = d.metadata.namespace ?? 'default';
    const owned = this.replicasets.list().filter((r) => ownedBy(r.metadata, d.metadata.uid));
    for (const rs of owned)
      if (this.scaleSent.get(rs.metadata.uid) === rs.spec.replicas) this.scaleSent.delete(rs.metadata.uid);
    if (this.revisionSent.get(d.metadata.uid) === d.metadata.annotations?.[REVISION])
      this.revisionSent.delete(d.metadata.uid);
    const step = planRollout(d, owned);
    if (step.kind === 'create') {
      const { name } = replicaSetName(d, this.knownHash);
      if (this.creatingRs.has(name)) return;
      this.creatingRs.add(name);
      this.createdRs.add(name);
      const fresh = replicaSetFor(d, this.knownHash);
      const body: ReplicaSet = {
        ...fresh,
        metadata: {
          ...fresh.metadata,
          annotations: {
            ...copiedAnnotations(d),
            ...replicaAnnotations(d),
            [REVISION]: String(step.revision),
          },
        },
        spec: { ...fresh.spec, replicas: step.replicas },
      };
      this.client.request({ verb: 'create', resource: 'replicasets', namespace: ns, body }, (res) => {
        if (res.ok) this.scaled(d, name, 'up', step.replicas);
        else {
          this.creatingRs.delete(name);
          this.createdRs.delete(name);
        }
      });
    } else if (step.kind === 'adopt') {
      const annotations = {
        ...step.rs.metadata.annotations,
        ...copiedAnnotations(d),
        [REVISION]: String(step.revision),
      };
      this.client.request({
        verb: 'patch',
        resource: 'replicasets',
        namespace: ns,
        name: step.rs.metadata.name,
        patch: (o) => (o.kind === 'ReplicaSet' ? { ...o, metadata: { ...o.metadata, annotations } } : o),
      });
    } else if (step.kind === 'scale') {
      this.scaleReplicaSet(d, step.rs, step.replicas);
    }
    // The Deployment carries the revision of its newest ReplicaSet.
    const newest = String(Math.max(0, ...owned.map(revisionOf)));
    if (
      newest !== '0' &&
      d.metadata.annotations?.[REVISION] !== newest &&
      this.revisionSent.get(d.metadata.uid) !== newest
    ) {
      this.revisionSent.set(d.metadata.uid, newest);
      this.client.request({
        verb: 'patch',
        resource: 'deployments',
        namespace: ns,
        name: d.metadata.name,
        patch: (o) =>
          o.kind === 'Deployment'
            ? {
                ...o,
                metadata: { ...o.metadata, annotations: { ...o.metadata.annotations, [REVISION]: newest } },
              }
            : o,
      });
    }
    const created = (rsName: string) => this.createdRs.delete(rsName);
    this.writeStatus(d, rolloutStatus(d, owned, { created, now: this.net.now() }));
  }

  /** ReplicaSets this controller created whose NewReplicaSetCreated condition is not yet written. */
  private readonly createdRs = new Set<string>();

  /** The revision annotation last sent for each Deployment, so it is not sent twice while in flight. */
  private readonly revisionSent = new Map<string, string>();
  /** The replicas last asked of each ReplicaSet, so a scale in flight is not asked (and announced) again. */
  private readonly scaleSent = new Map<string, number>();

  private scaleReplicaSet(d: Deployment, rs: ReplicaSet, replicas: number): void {
    const uid = rs.metadata.uid;
    if (this.scaleSent.get(uid) === replicas) return;
    this.scaleSent.set(uid, replicas);
    const ns = rs.metadata.namespace ?? 'default';
    const name = rs.metadata.name;
    const verb = replicas > rs.spec.replicas ? 'up' : 'down';
    const annotations = { ...rs.metadata.annotations, ...replicaAnnotations(d) };
    this.client.request(
      {
        verb: 'patch',
        resource: 'replicasets',
        namespace: ns,
        name,
        patch: (o) =>
          o.kind === 'ReplicaSet'
            ? { ...o, metadata: { ...o.metadata, annotations }, spec: { ...o.spec, replicas } }
            : o,
      },
      (res) => {
        if (res.ok) this.scaled(d, name, verb, replicas);
        else this.scaleSent.delete(uid);
      },
    );
  }

  private scaled(d: Deployment, name: string, verb: 'up' | 'down', replicas: number): void {
    recordEvent(
      this.client,
      this.net.now(),
      d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled ${verb} replica set ${name} to ${replicas}`,
      { component: 'deployment-controller' },
    );
  }

  private syncReplicaSet(rs: ReplicaSet): void {
    const ns = rs.metadata.namespace ?? 'default';
    const uid = rs.metadata.uid;
    const count = this.owned.count(uid);
    const pendingCreates = this.expecting.get(uid) ?? 0;
    const diff = rs.spec.replicas - count - pendingCreates;
    const owner = { kind: 'ReplicaSet', name: rs.metadata.name, uid };
    if (diff > 0 && pendingCreates === 0) {
      // Like replica_set.go: at most burstReplicas per sync, in slow-start batches, and no
      // new round until every create of this one has been seen (its expectations).
      const creates = Math.min(diff, BURST_REPLICAS);
      this.expecting.set(uid, creates);
      const run = slowStartBatch(
        creates,
        (done) => {
          const pod = podFromTemplate(rs.spec.template, ns, owner, `${rs.metadata.name}-`);
          this.client.request({ verb: 'create', resource: 'pods', namespace: ns, body: pod }, (res) => {
            if (res.ok && res.object)
              recordEvent(
                this.client,
                this.net.now(),
                rs,
                'Normal',
                'SuccessfulCreate',
                `Created pod: ${res.object.metadata.name}`,
                { component: 'replicaset-controller' },
              );
            else this.expecting.set(uid, Math.max(0, (this.expecting.get(uid) ?? 1) - 1));
            done(!!res.ok);
          });
        },
        (_created, skipped) => {
          this.slowStarts.delete(run);
          // The pods never attempted will not be seen: stop expecting them.
          if (skipped > 0) this.expecting.set(uid, Math.max(0, (this.expecting.get(uid) ?? 0) - skipped));
        },
      );
      this.slowStarts.set(run, uid);
    } else if (diff < 0 && pendingCreates === 0) {
      for (const p of podsToDelete(
        this.owned.pods(uid).filter((p) => !this.deleting.has(p.metadata.uid)),
        Math.min(-diff, BURST_REPLICAS),
      ))
        this.deletePod(p, rs, 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, 'replicaset-controller');
    }
    const status = { replicas: count, readyReplicas: this.owned.ready(uid) };
    this.writeStatus(rs, status);
  }

  private syncDaemonSet(ds: DaemonSet): void {
    const ns = ds.metadata.namespace ?? 'default';
    const uid = ds.metadata.uid;
    const owned = this.owned.pods(uid);
    const wanted = daemonNodes(ds, this.nodes.list());
    const owner = { kind: 'DaemonSet', name: ds.metadata.name, uid };
    let pendingCreates = this.expecting.get(uid) ?? 0;
    const covered = new Set(owned.map((p) => p.spec.nodeName));
    for (const node of wanted) {
      if (covered.has(node.metadata.name)) continue;
      if (pendingCreates > 0) {
        pendingCreates -= 1;
        continue;
      }
      this.expecting.set(uid, (this.expecting.get(uid) ?? 0) + 1);
      const pod = podFromTemplate(ds.spec.template, ns, owner, `${ds.metadata.name}-`, node.metadata.name);
      this.client.request({ verb: 'create', resource: 'pods', namespace: ns, body: pod }, (res) => {
        if (res.ok && res.object)
          recordEvent(
            this.client,
            this.net.now(),
            ds,
            'Normal',
            'SuccessfulCreate',
            `Created pod: ${res.object.metadata.name}`,
            { component: 'daemonset-controller' },
          );
        else this.expecting.set(uid, Math.max(0, (this.expecting.get(uid) ?? 1) - 1));
      });
    }
    const status = { desiredNumberScheduled: wanted.length, numberReady: this.owned.ready(uid) };
    this.writeStatus(ds, status);
  }

  /** Objects whose owner is gone are deleted (cascading delete of a Deployment). */
  private collectGarbage(): void {
    const uids = new Set<string>();
    for (const o of [...this.deployments.list(), ...this.replicasets.list(), ...this.daemonsets.list()])
      uids.add(o.metadata.uid);
    for (const rs of this.replicasets.list()) {
      const owner = rs.metadata.ownerReferences?.[0];
      if (owner && !uids.has(owner.uid) && !this.deleting.has(rs.metadata.uid)) {
        this.deleting.add(rs.metadata.uid);
        this.client.request({
          verb: 'delete',
          resource: 'replicasets',
          namespace: rs.metadata.namespace ?? 'default',
          name: rs.metadata.name,
        });
      }
    }
    for (const p of this.pods.list()) {
      const owner = p.metadata.ownerReferences?.[0];
      if (
        owner &&
        !uids.has(owner.uid) &&
        p.metadata.deletionTimestamp === undefined &&
        !this.deleting.has(p.metadata.uid)
      ) {
        this.deleting.add(p.metadata.uid);
        this.client.request({
          verb: 'delete',
          resource: 'pods',
          namespace: p.metadata.namespace ?? 'default',
          name: p.metadata.name,
        });
      }
    }
  }

  private deletePod(p: Pod, about: KubeObject, reason: string, message: string, component: string): void {
    this.deleting.add(p.metadata.uid);
    this.client.request(
      {
        verb: 'delete',
        resource: 'pods',
        namespace: p.metadata.namespace ?? 'default',
        name: p.metadata.name,
      },
      (res) => {
        if (res.ok) recordEvent(this.client, this.net.now(), about, 'Normal', reason, message, { component });
      },
    );
  }
}
