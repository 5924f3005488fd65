// The kubelet's node lease (pkg/kubelet/nodelease/controller.go): every 10 s, a quarter of
// the 40 s lease, it renews the Lease named after its node in kube-node-lease. The node
// lifecycle controller takes a renewal as the kubelet's heartbeat, so the Node itself is
// written only when its status changes or once a minute.
import type { ApiClient } from '../client';
import type { Lease, Node } from '../objects';
import type { ApiResponse } from '../protocol';
import type { SimMs } from '../units';

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
/** The kubelet's nodeLeaseDurationSeconds (default 40). */
export const NODE_LEASE_DURATION_S = 40;
/** renewIntervalFraction 0.25 of the lease's duration. */
export const LEASE_RENEW_MS = NODE_LEASE_DURATION_S * 1000 * 0.25;
/** Immediate retries of a failed renewal before falling back to reading the lease (maxUpdateRetries). */
const MAX_UPDATE_RETRIES = 5;
/** backoffEnsureLease's longest sleep. */
const MAX_BACKOFF_MS = 7000;
/**
 * The heartbeat client's timeout: nodeStatusUpdateFrequency (10 s), capped by the lease's
 * duration (cmd/kubelet/app/server.go), so a request the API server never answers ends.
 */
const HEARTBEAT_TIMEOUT_MS = 10_000;

/** The Lease a kubelet creates for its node, owned by the Node (not as its controller). */
export function nodeLease(node: string, owner: Pick<Node['metadata'], 'uid'> | undefined, now: SimMs): Lease {
  return {
    kind: 'Lease',
    metadata: {
      name: node,
      namespace: NODE_LEASE_NAMESPACE,
      uid: '',
      resourceVersion: 0,
      creationTimestamp: now,
      ...(owner ? { ownerReferences: [{ kind: 'Node', name: node, uid: owner.uid }] } : {}),
    },
    spec: { holderIdentity: node, leaseDurationSeconds: NODE_LEASE_DURATION_S, renewTime: now },
  };
}

export interface NodeLeaseDeps {
  readonly client: ApiClient;
  readonly node: string;
  readonly now: () => SimMs;
}

export class NodeLeaseController {
  /** latestLease: the lease as the last renewal or creation returned it. */
  private latest: Lease | undefined;
  /** A sync still waiting for an answer, since when. */
  private busySince: number | undefined;
  private reqId: number | undefined;
  private run = 0;
  /** A renewal or a read failed since the last success (the kubelet posts its status at once then). */
  failed = false;

  constructor(private readonly d: NodeLeaseDeps) {}

  reset(): void {
    this.latest = undefined;
    this.busySince = undefined;
    this.reqId = undefined;
    this.run += 1;
    this.failed = false;
  }

  /** wait.Until(sync, renewInterval): one sync at a time; the next one starts when it is done. */
  sync(): void {
    const now = this.d.now();
    if (this.busySince !== undefined) {
      if (now - this.busySince < HEARTBEAT_TIMEOUT_MS) return;
      // The request timed out: its answer, if one ever comes, is not read.
      if (this.reqId !== undefined) this.d.client.cancel(this.reqId);
      this.failed = true;
    }
    this.run += 1;
    this.busySince = now;
    // With a lease in hand the kubelet PUTs it straight away, without reading it first.
    if (this.latest) this.update(0, this.run);
    else this.ensure(100, this.run);
  }

  private done(run: number): void {
    if (run !== this.run) return;
    this.busySince = undefined;
    this.reqId = undefined;
  }

  private send(
    run: number,
    req: Parameters<ApiClient['request']>[0],
    then: (res: ApiResponse) => void,
  ): void {
    this.reqId = this.d.client.request(req, (res) => {
      if (run === this.run) then(res);
    });
  }

  /** retryUpdateLease: PUT the lease with a new renewTime, up to five times. */
  private update(attempt: number, run: number): void {
    const renewTime = this.d.now();
    this.send(
      run,
      {
        verb: 'update',
        resource: 'leases',
        namespace: NODE_LEASE_NAMESPACE,
        name: this.d.node,
        patch: (o) => (o.kind === 'Lease' ? { ...o, spec: { ...o.spec, renewTime } } : o),
      },
      (res) => {
        if (res.ok && res.object?.kind === 'Lease') {
          this.latest = res.object;
          this.failed = false;
          this.done(run);
          return;
        }
        this.failed = true;
        // The lease is gone (deleted by hand, or with its namespace): ensure it again.
        if (!res.ok && res.reason === 'NotFound') return this.ensure(100, run);
        if (attempt + 1 < MAX_UPDATE_RETRIES) return this.update(attempt + 1, run);
        // "failed to update lease using latest lease, fallback to ensure lease"
        this.ensure(100, run);
      },
    );
  }

  /** backoffEnsureLease: GET the lease, create it if there is none; retry with back-off until the server answers. */
  private ensure(sleep: number, run: number): void {
    const retry = () => {
      this.failed = true;
      const next = Math.min(2 * sleep, MAX_BACKOFF_MS);
      this.d.client.later(next, () => {
        if (run === this.run) this.ensure(next, run);
      });
    };
    this.send(
      run,
      { verb: 'get', resource: 'leases', namespace: NODE_LEASE_NAMESPACE, name: this.d.node },
      (res) => {
        if (res.ok && res.object?.kind === 'Lease') {
          this.latest = res.object;
          // A lease that already existed is renewed at once.
          this.update(0, run);
          return;
        }
        if (res.ok || res.reason !== 'NotFound') return retry();
        // No lease yet: it is created owned by the Node, so no Node yet means no lease this round.
        this.send(run, { verb: 'get', resource: 'nodes', name: this.d.node }, (nodeRes) => {
          // "failed to get node … when trying to set owner ref to the node lease": no lease this round.
          if (!nodeRes.ok || nodeRes.object?.kind !== 'Node') {
            this.done(run);
            return;
          }
          const body = nodeLease(this.d.node, nodeRes.object.metadata, this.d.now());
          this.send(
            run,
            { verb: 'create', resource: 'leases', namespace: NODE_LEASE_NAMESPACE, body },
            (c) => {
              if (c.ok && c.object?.kind === 'Lease') {
                this.latest = c.object;
                this.failed = false;
                this.done(run);
                return;
              }
              retry();
            },
          );
        });
      },
    );
  }
}
