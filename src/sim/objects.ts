// The Kubernetes objects the simulated API server stores, trimmed to the fields
// Podscope's kubectl prints or its controllers read. Objects are immutable: every
// change makes a new object, so a snapshot can hold them without copying.
import { resourceKinds } from './resourceKinds';
import type { SimMs } from './units';
import type { FieldSet } from './wire/fieldSet';

export interface ObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly uid: string;
  readonly resourceVersion: number;
  readonly creationTimestamp: SimMs;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly generateName?: string;
  readonly ownerReferences?: readonly { kind: string; name: string; uid: string }[];
  readonly deletionTimestamp?: SimMs;
  readonly deletionGracePeriodSeconds?: number;
  /** Workloads: bumped by the API server on every change of spec; the controller reports what it saw. */
  readonly generation?: number;
  /** Who wrote which fields (wire/managedFields.ts). */
  readonly managedFields?: readonly ManagedFieldsEntry[];
}

export interface ManagedFieldsEntry {
  readonly apiVersion: string;
  readonly fieldsType: 'FieldsV1';
  readonly fieldsV1: FieldSet;
  readonly manager: string;
  readonly operation: 'Update' | 'Apply';
  readonly time: SimMs;
}

export interface Taint {
  readonly key: string;
  readonly value?: string;
  readonly effect: 'NoSchedule' | 'NoExecute' | 'PreferNoSchedule';
  readonly timeAdded?: SimMs;
}
export interface Toleration {
  readonly key?: string;
  readonly operator: 'Exists' | 'Equal';
  readonly effect?: Taint['effect'];
  readonly tolerationSeconds?: number;
}

export interface Container {
  readonly name: string;
  readonly image: string;
  /** What the scheduler reserves and the kernel's cgroups cap, as quantities ("250m"). */
  readonly resources?: {
    readonly requests?: Readonly<Record<string, string>>;
    readonly limits?: Readonly<Record<string, string>>;
  };
  /** Replaces the image's ENTRYPOINT (and drops its CMD). */
  readonly command?: readonly string[];
  /** Replaces the image's CMD. */
  readonly args?: readonly string[];
  /** Unset: Always for `:latest` or no tag, else IfNotPresent (the API server's default). */
  readonly imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  readonly terminationMessagePath?: string;
  readonly terminationMessagePolicy?: 'File' | 'FallbackToLogsOnError';
  readonly volumeMounts?: readonly {
    readonly name: string;
    readonly mountPath: string;
    readonly readOnly?: boolean;
  }[];
  /**
   * kubectl run -i/-t: the runtime keeps the process's stdin open (and gives it a
   * terminal), so a shell waits for what is typed instead of reading an empty stdin.
   * stdinOnce: the stdin closes when the first attach ends.
   */
  readonly stdin?: boolean;
  readonly stdinOnce?: boolean;
  readonly tty?: boolean;
  /** Declared ports (informational, as in Kubernetes; `kubectl expose` reads them). */
  readonly ports?: readonly {
    readonly containerPort: number;
    readonly protocol?: 'TCP' | 'UDP';
    readonly name?: string;
  }[];
}

export type ContainerState =
  | { readonly waiting: { readonly reason: string; readonly message?: string } }
  | { readonly running: { readonly startedAt: SimMs } }
  | {
      readonly terminated: {
        readonly reason: string;
        readonly exitCode: number;
        readonly startedAt?: SimMs;
        readonly finishedAt: SimMs;
      };
    };

export interface ContainerStatus {
  readonly name: string;
  readonly image: string;
  readonly ready: boolean;
  readonly restartCount: number;
  readonly state: ContainerState;
  /** The previous container's end, once it has been restarted or is waiting to be. */
  readonly lastState?: ContainerState;
  readonly containerID?: string;
  /** The runtime's digest of the image once it is there: docker-pullable://<repository>@sha256:… (docker), <repository>@sha256:… (containerd). */
  readonly imageID?: string;
  readonly started?: boolean;
  // A newer kubelet's (the profile's kubelet.podStatus).
  readonly allocatedResources?: Readonly<Record<string, string>>;
  readonly resources?: Container['resources'];
  readonly user?: {
    readonly linux: {
      readonly gid: number;
      readonly supplementalGroups: readonly number[];
      readonly uid: number;
    };
  };
  readonly volumeMounts?: readonly {
    readonly mountPath: string;
    readonly name: string;
    readonly readOnly?: boolean;
    readonly recursiveReadOnly: 'Disabled';
  }[];
}

export interface Condition {
  readonly type: string;
  readonly status: 'True' | 'False' | 'Unknown';
  readonly reason?: string;
  readonly message?: string;
  /** Pod conditions carry it, always null: no kubelet probe writes it. */
  readonly lastProbeTime?: null;
  /** The pod's generation the kubelet saw when it set the condition (PodObservedGenerationTracking). */
  readonly observedGeneration?: number;
  readonly lastHeartbeatTime?: SimMs;
  readonly lastTransitionTime?: SimMs;
}

/** A Deployment's condition (apps/v1 DeploymentCondition): it also carries lastUpdateTime. */
export interface DeploymentCondition {
  readonly type: 'Available' | 'Progressing';
  readonly status: 'True' | 'False' | 'Unknown';
  readonly lastUpdateTime: SimMs;
  readonly lastTransitionTime: SimMs;
  readonly reason: string;
  readonly message: string;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface Pod {
  readonly kind: 'Pod';
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly nodeName?: string;
    readonly containers: readonly Container[];
    readonly tolerations: readonly Toleration[];
    readonly terminationGracePeriodSeconds: number;
    readonly hostNetwork?: boolean;
    readonly priorityClassName?: string;
    /** Unset means Always. */
    readonly restartPolicy?: 'Always' | 'OnFailure' | 'Never';
    // What the API server's defaulting and admission add (podDefaults.ts).
    readonly dnsPolicy?: string;
    readonly enableServiceLinks?: boolean;
    readonly priority?: number;
    readonly schedulerName?: string;
    readonly securityContext?: Readonly<Record<string, never>>;
    readonly serviceAccount?: string;
    readonly serviceAccountName?: string;
    readonly volumes?: readonly PodVolume[];
  };
  readonly status: {
    readonly phase: PodPhase;
    readonly qosClass?: 'BestEffort' | 'Burstable' | 'Guaranteed';
    readonly podIPs?: readonly { readonly ip: string }[];
    readonly hostIPs?: readonly { readonly ip: string }[];
    readonly observedGeneration?: number;
    readonly reason?: string;
    readonly podIP?: string;
    readonly hostIP?: string;
    readonly startTime?: SimMs;
    readonly conditions: readonly Condition[];
    readonly containerStatuses: readonly ContainerStatus[];
  };
}

/** The volumes the ServiceAccount admission plugin adds: the account's token Secret (1.18) or the projected kube-api-access volume (1.22+). */
export type PodVolume =
  | { readonly name: string; readonly secret: { readonly defaultMode: number; readonly secretName: string } }
  | { readonly name: string; readonly projected: ProjectedVolume };

export interface ProjectedVolume {
  readonly defaultMode: number;
  readonly sources: readonly (
    | { readonly serviceAccountToken: { readonly expirationSeconds: number; readonly path: string } }
    | {
        readonly configMap: {
          readonly items: readonly { readonly key: string; readonly path: string }[];
          readonly name: string;
        };
      }
    | {
        readonly downwardAPI: {
          readonly items: readonly {
            readonly fieldRef: { readonly apiVersion: string; readonly fieldPath: string };
            readonly path: string;
          }[];
        };
      }
  )[];
}

export interface Node {
  readonly kind: 'Node';
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly taints: readonly Taint[];
    /** The node IPAM controller's /24 of the cluster CIDR (Calico hands out its own /26 blocks). */
    readonly podCIDR?: string;
    readonly podCIDRs?: readonly string[];
    readonly unschedulable?: boolean;
  };
  readonly status: {
    readonly conditions: readonly Condition[];
    readonly addresses: readonly { readonly type: 'InternalIP' | 'Hostname'; readonly address: string }[];
    /** Quantities as the API carries them: { cpu: '2', memory: '2967552Ki', pods: '110', … }. */
    readonly capacity: Readonly<Record<string, string>>;
    readonly allocatable: Readonly<Record<string, string>>;
    readonly daemonEndpoints: { readonly kubeletEndpoint: { readonly Port: number } };
    /** The images on the node, largest first, at most 50 (the kubelet's Images setter). */
    readonly images?: readonly { readonly names: readonly string[]; readonly sizeBytes: number }[];
    readonly nodeInfo: {
      readonly architecture: string;
      readonly bootID: string;
      readonly containerRuntimeVersion: string;
      readonly kernelVersion: string;
      readonly kubeProxyVersion: string;
      readonly kubeletVersion: string;
      readonly machineID: string;
      readonly operatingSystem: string;
      readonly osImage: string;
      readonly systemUUID: string;
    };
  };
}

export interface PodTemplate {
  readonly labels: Readonly<Record<string, string>>;
  /** `kubectl rollout restart` writes kubectl.kubernetes.io/restartedAt here, so the template changes. */
  readonly annotations?: Readonly<Record<string, string>>;
  readonly containers: readonly Container[];
  readonly tolerations?: readonly Toleration[];
  readonly hostNetwork?: boolean;
}

export interface Deployment {
  readonly kind: 'Deployment';
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly replicas: number;
    /** kubectl rollout pause: the controller only scales, it rolls nothing out until resumed. */
    readonly paused?: boolean;
    readonly selector: Readonly<Record<string, string>>;
    readonly template: PodTemplate;
  };
  readonly status: {
    readonly replicas: number;
    readonly readyReplicas: number;
    readonly availableReplicas: number;
    readonly updatedReplicas: number;
    /** The generation the deployment controller last acted on (rollout status waits for it). */
    readonly observedGeneration?: number;
    /** Available and Progressing, as controllers/deploymentConditions.ts writes them. */
    readonly conditions?: readonly DeploymentCondition[];
  };
}

export interface ReplicaSet {
  readonly kind: 'ReplicaSet';
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly replicas: number;
    readonly selector: Readonly<Record<string, string>>;
    readonly template: PodTemplate;
  };
  readonly status: { readonly replicas: number; readonly readyReplicas: number };
}

export interface DaemonSet {
  readonly kind: 'DaemonSet';
  readonly metadata: ObjectMeta;
  readonly spec: { readonly selector: Readonly<Record<string, string>>; readonly template: PodTemplate };
  readonly status: { readonly desiredNumberScheduled: number; readonly numberReady: number };
}

export interface ServicePort {
  readonly name?: string;
  readonly protocol: 'TCP' | 'UDP';
  readonly port: number;
  /** A number, or a container port's name; unset means the same as `port` (the API server's default). */
  readonly targetPort?: number | string;
  readonly nodePort?: number;
}

export interface Service {
  readonly kind: 'Service';
  readonly metadata: ObjectMeta;
  readonly spec: {
    /** Unset means ClusterIP (the API server's default). */
    readonly type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
    /** '' asks the API server to allocate one from the service CIDR. */
    readonly clusterIP: string;
    readonly ports: readonly ServicePort[];
    readonly selector?: Readonly<Record<string, string>>;
    readonly sessionAffinity?: 'None' | 'ClientIP';
    readonly externalTrafficPolicy?: 'Cluster' | 'Local';
  };
}

export interface EndpointAddress {
  readonly ip: string;
  readonly nodeName?: string;
  readonly targetRef?: {
    readonly kind: 'Pod';
    readonly name: string;
    readonly namespace: string;
    readonly uid: string;
  };
}

export interface EndpointSubset {
  readonly addresses?: readonly EndpointAddress[];
  readonly notReadyAddresses?: readonly EndpointAddress[];
  readonly ports: readonly {
    readonly name?: string;
    readonly port: number;
    readonly protocol: 'TCP' | 'UDP';
  }[];
}

/** What the endpoints controller writes for a Service: its pods' addresses, Ready or not. */
export interface Endpoints {
  readonly kind: 'Endpoints';
  readonly metadata: ObjectMeta;
  readonly subsets: readonly EndpointSubset[];
}

export interface KubeEvent {
  readonly kind: 'Event';
  readonly metadata: ObjectMeta;
  readonly involvedObject: {
    readonly kind: string;
    readonly name: string;
    readonly namespace?: string;
    readonly uid?: string;
    /** The container an event is about: `spec.containers{nginx}` (the kubelet's container reference). */
    readonly fieldPath?: string;
  };
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
  readonly source: { readonly component: string; readonly host?: string };
  readonly firstTimestamp: SimMs;
  readonly lastTimestamp: SimMs;
  readonly count: number;
}

/**
 * A namespace: `kubernetes` in spec.finalizers keeps it, Terminating, until the namespace
 * controller has deleted everything in it (pkg/controller/namespace).
 */
export interface Namespace {
  readonly kind: 'Namespace';
  readonly metadata: ObjectMeta;
  readonly spec: { readonly finalizers: readonly string[] };
  readonly status: { readonly phase: 'Active' | 'Terminating' };
}

/**
 * What the API server answers for componentstatuses: not stored anywhere, but made on
 * each request from its probes of the scheduler, the controller manager and etcd
 * (pkg/registry/core/componentstatus).
 */
export interface ComponentStatus {
  readonly kind: 'ComponentStatus';
  readonly metadata: ObjectMeta;
  readonly conditions: readonly {
    readonly type: 'Healthy';
    readonly status: 'True' | 'False' | 'Unknown';
    readonly message?: string;
    readonly error?: string;
  }[];
}

/**
 * coordination.k8s.io/v1 Lease: in kube-node-lease, the heartbeat each kubelet renews every
 * 10 s (a quarter of its 40 s duration); renewTime is a MicroTime (microseconds on the wire).
 */
export interface Lease {
  readonly kind: 'Lease';
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly holderIdentity?: string;
    readonly leaseDurationSeconds?: number;
    readonly acquireTime?: SimMs;
    readonly renewTime?: SimMs;
  };
}

/**
 * v1 ConfigMap: what kubeadm and the controllers write for the components to read (kube-proxy's
 * config.conf, CoreDNS's Corefile, kubeadm-config, kube-root-ca.crt); `data` keeps its keys in order.
 */
export interface ConfigMap {
  readonly kind: 'ConfigMap';
  readonly metadata: ObjectMeta;
  readonly data?: Readonly<Record<string, string>>;
  readonly binaryData?: Readonly<Record<string, string>>;
}

export type KubeObject =
  | Pod
  | Node
  | Deployment
  | ReplicaSet
  | DaemonSet
  | Service
  | Endpoints
  | KubeEvent
  | Namespace
  | ComponentStatus
  | Lease
  | ConfigMap;

export type Resource =
  | 'pods'
  | 'nodes'
  | 'deployments'
  | 'replicasets'
  | 'daemonsets'
  | 'services'
  | 'endpoints'
  | 'events'
  | 'namespaces'
  | 'componentstatuses'
  | 'leases'
  | 'configmaps';

export const resourceOfKind = Object.fromEntries(resourceKinds.map((k) => [k.kind, k.resource])) as Record<
  KubeObject['kind'],
  Resource
>;

export const namespaced = Object.fromEntries(resourceKinds.map((k) => [k.resource, k.namespaced])) as Record<
  Resource,
  boolean
>;

/** etcd key of an object, as the API server lays them out under /registry. */
export function registryKey(resource: Resource, name: string, namespace?: string): string {
  // The API server keeps Services under services/specs and Endpoints under services/endpoints.
  const dir =
    resource === 'nodes'
      ? 'minions'
      : resource === 'services'
        ? 'services/specs'
        : resource === 'endpoints'
          ? 'services/endpoints'
          : resource;
  return namespaced[resource]
    ? `/registry/${dir}/${namespace ?? 'default'}/${name}`
    : `/registry/${dir}/${name}`;
}

/** A static pod's mirror in the API: the kubelet runs it from a file, not from the API. */
export const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

export function isMirrorPod(p: Pod): boolean {
  return !!p.metadata.annotations?.[MIRROR_ANNOTATION];
}
