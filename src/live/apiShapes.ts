// What the live page reads of the Kubernetes API's JSON: only the fields it draws, as
// kube-apiserver sends them (every field optional, as a real cluster may leave any out).

export interface ApiMeta {
  readonly name?: string;
  readonly namespace?: string;
  readonly uid?: string;
  readonly resourceVersion?: string;
  readonly generation?: number;
  readonly creationTimestamp?: string;
  readonly deletionTimestamp?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly ownerReferences?: readonly {
    readonly kind?: string;
    readonly name?: string;
    readonly controller?: boolean;
  }[];
}

export interface ApiCondition {
  readonly type?: string;
  readonly status?: string;
  readonly reason?: string;
  readonly message?: string;
}

export interface ContainerStatus {
  readonly name?: string;
  readonly ready?: boolean;
  readonly restartCount?: number;
  readonly lastState?: object;
  readonly image?: string;
  readonly imageID?: string;
  readonly containerID?: string;
  readonly started?: boolean;
  readonly state?: {
    readonly waiting?: { readonly reason?: string };
    readonly running?: object;
    readonly terminated?: { readonly reason?: string; readonly exitCode?: number; readonly signal?: number };
  };
}

export interface ApiObject {
  readonly kind?: string;
  readonly apiVersion?: string;
  readonly metadata?: ApiMeta;
  readonly spec?: {
    readonly nodeName?: string;
    readonly unschedulable?: boolean;
    readonly taints?: readonly { readonly key?: string; readonly value?: string; readonly effect?: string }[];
    readonly replicas?: number;
    readonly containers?: readonly { readonly name?: string }[];
    readonly type?: string;
  };
  readonly status?: {
    readonly phase?: string;
    readonly reason?: string;
    readonly podIP?: string;
    readonly hostIP?: string;
    readonly startTime?: string;
    readonly conditions?: readonly ApiCondition[];
    readonly containerStatuses?: readonly ContainerStatus[];
    readonly initContainerStatuses?: readonly ContainerStatus[];
    readonly replicas?: number;
    readonly readyReplicas?: number;
  };
  // Events (core/v1 Event) keep their fields at the top level.
  readonly involvedObject?: {
    readonly kind?: string;
    readonly name?: string;
    readonly namespace?: string;
    readonly fieldPath?: string;
  };
  readonly reason?: string;
  readonly message?: string;
  readonly type?: string;
  readonly count?: number;
  readonly source?: { readonly component?: string; readonly host?: string };
  readonly reportingComponent?: string;
}

export interface ApiList {
  readonly kind?: string;
  readonly metadata?: { readonly resourceVersion?: string };
  readonly items?: readonly ApiObject[];
}

/** One line of a watch stream. */
export interface WatchLine {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  readonly object: ApiObject & { readonly code?: number; readonly status?: unknown };
}

/** The six resources the page lists and watches, by their path under the API. */
export const WATCHED = {
  nodes: '/api/v1/nodes',
  pods: '/api/v1/pods',
  events: '/api/v1/events',
  deployments: '/apis/apps/v1/deployments',
  replicasets: '/apis/apps/v1/replicasets',
  services: '/api/v1/services',
} as const;

export type Resource = keyof typeof WATCHED;
export const RESOURCES = Object.keys(WATCHED) as Resource[];
