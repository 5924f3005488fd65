// What components say to the API server and what it answers: the REST verbs of
// Kubernetes, reduced to the ones the lab uses.
import type { KubeObject, Resource } from './objects';

export type Verb =
  | 'get'
  | 'list'
  | 'create'
  | 'update'
  | 'updateStatus'
  | 'patch'
  | 'delete'
  | 'bind'
  | 'watch';

export interface ApiRequest {
  readonly verb: Verb;
  readonly resource: Resource;
  readonly namespace?: string;
  readonly name?: string;
  readonly body?: KubeObject;
  /** bind: the node to bind the pod to. */
  readonly nodeName?: string;
  /** delete: seconds of graceful termination; 0 with force removes at once. */
  readonly gracePeriodSeconds?: number;
  readonly force?: boolean;
  /** list/watch: only pods on this node ('' = unscheduled pods). */
  readonly nodeSelector?: string;
  /** list/watch: `labelSelector` and `fieldSelector` as the query carries them, parsed by the API server. */
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  /** list across all namespaces. */
  readonly allNamespaces?: boolean;
  /**
   * patch/updateStatus: the change, applied by the API server to the stored object
   * atomically (as a strategic merge patch would be). Return the object unchanged
   * to write nothing.
   */
  readonly patch?: (current: KubeObject) => KubeObject;
  /**
   * watch: the etcd revision the client has seen (`?resourceVersion=N` after a list). The
   * stream starts with the changes after it, from the API server's watch cache, instead of
   * the objects; a revision older than what it keeps is answered `expired`.
   */
  readonly resourceVersion?: number;
  /** create/delete with `?dryRun=All`: admitted, validated and checked against etcd, never written. */
  readonly dryRun?: boolean;
  /** kubectl: the file the object came from, for 'error when creating "<file>"'. */
  readonly source?: string;
}

export type ApiStatusReason =
  | 'BadRequest'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'Forbidden'
  | 'InternalError'
  | 'ServiceUnavailable'
  | 'Timeout';

export type ApiResponse =
  | {
      readonly ok: true;
      readonly object?: KubeObject;
      readonly items?: readonly KubeObject[];
      /** A watch from a resourceVersion: the changes after it, oldest first. */
      readonly changes?: readonly { readonly action: WatchAction; readonly object: KubeObject }[];
      /** A watch from a resourceVersion the watch cache no longer holds: `too old resource version: N (M)`. */
      readonly expired?: string;
    }
  | { readonly ok: false; readonly code: number; readonly reason: ApiStatusReason; readonly message: string }
  /** Nothing listens on 6443 (the API server is stopped, the master is off). */
  | { readonly ok: false; readonly code: 0; readonly reason: 'ConnectionRefused'; readonly message: string };

export type WatchAction = 'added' | 'modified' | 'deleted';
