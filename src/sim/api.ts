// The cluster as the layers above see it. The shell, the player and the view use
// only this; the machinery behind it is the sim's own business.

import type { ContainerInfo, SandboxInfo } from './components/cri';
import type { LogEntry, LogsResult } from './containerLogs';
import type { HostTables } from './hostIptables';
import type { ClusterInput, ControlPlaneManifest, HostName, HostService } from './inputs';
import type { KubeObject, Lease, Node, Pod } from './objects';
import type { ProfileId } from './profiles';
import type { ApiRequest, ApiResponse } from './protocol';
import type { ComponentId, Envelope, Trace } from './trace';
import type { SimMs } from './units';
import type { ServiceChange } from './world';

export type LabKind = 'fresh' | 'ready';

export interface ClusterOptions {
  /** Seeds every random choice (names, IP blocks, tie-breaks). Default 1. */
  readonly seed?: number;
  /** 'ready' (the state after the book's setup, default) or 'fresh' (machines booted, nothing installed). */
  readonly lab?: LabKind;
  /** Number of workers, 1..200; default 3 (w1-k8s..w3-k8s). */
  readonly workers?: number;
  /** The lab's version (src/sim/profiles): '1.18', the book as printed (default), or '1.36', its second edition. */
  readonly profile?: ProfileId;
}

export interface HostState {
  readonly name: HostName;
  readonly ip: string;
  readonly role: 'master' | 'worker';
  readonly powered: boolean;
  /** Booting after power-on or reboot: not reachable yet. */
  readonly booting: boolean;
  readonly services: Readonly<Record<HostService, 'active' | 'inactive' | 'absent'>>;
  readonly modules: { readonly br_netfilter: boolean };
  /** kubeadm init (master) or join (worker) has been done on this host. */
  readonly joined: boolean;
  /** Control-plane static pod manifests present in /etc/kubernetes/manifests (master only). */
  readonly manifests: readonly ControlPlaneManifest[];
  /** The static pods the master's kubelet runs (it acts on the manifests every 20 s); absent, those of `manifests`. */
  readonly staticPods?: readonly ControlPlaneManifest[];
  /** When the kubelet started a static pod again after its manifest came back; absent, it runs since the lab was built. */
  readonly staticPodsStartedAt?: Readonly<Partial<Record<ControlPlaneManifest, number>>>;
  readonly cniInstalled: boolean;
  /** When the host last booted (negative in the ready lab: before the simulation began). */
  readonly bootedAt: SimMs;
  /** Calico's /26 block for this node's pods, e.g. '172.16.103.128' (its tunl0 holds the first address). */
  readonly podBlock: string;
  /** The blocks it claimed once that one was full (a node holds 110 pods, a block 63), oldest first. */
  readonly morePodBlocks: readonly string[];
  /** Services started and stopped since boot, oldest first (systemd's journal of this boot). */
  readonly serviceLog: readonly ServiceChange[];
}

export type ComponentState = 'running' | 'stopped' | 'failing' | 'absent';

export interface ComponentView {
  readonly id: ComponentId;
  /** The book's number: 0 kubectl .. 7 pods, 11 network plugin, 12 CoreDNS; undefined for kube-proxy. */
  readonly number?: number;
  /** 'API server', 'kubelet', ... (English; the view translates). */
  readonly name: string;
  readonly host?: HostName;
  readonly state: ComponentState;
  /** Why it is not running, in English, when it is not: 'systemctl stop kubelet'. */
  readonly why?: string;
}

export interface PodView {
  readonly namespace: string;
  readonly name: string;
  readonly node?: string;
  /** kubectl's STATUS column: Pending, ContainerCreating, Running, Terminating, ... */
  readonly status: string;
  readonly ready: string;
  readonly restarts: number;
  readonly ip?: string;
}

export interface EtcdKeyView {
  readonly key: string;
  readonly createRevision: number;
  readonly modRevision: number;
}

/** A stored key with its value, as etcd holds it: immutable, a new one for every change. */
export interface EtcdEntry extends EtcdKeyView {
  readonly value: KubeObject;
}

export interface RuntimeView {
  readonly running: boolean;
  readonly sandboxes: readonly SandboxInfo[];
  readonly containers: readonly ContainerInfo[];
  /** Images docker holds, as "repository:tag" keys. */
  readonly images: readonly string[];
  /** What the container wrote so far (docker logs), oldest first. */
  logs(containerId: string): readonly LogEntry[];
}

export type ConnectResult =
  | { readonly ok: true; readonly body: string }
  | { readonly ok: false; readonly error: 'timeout' | 'refused' | 'unreachable' };

/** What a watch stream delivers: the API server's first answer, then one event per change. */
export type WatchEvent =
  | { readonly type: 'start'; readonly res: ApiResponse }
  | { readonly type: 'added' | 'modified' | 'deleted'; readonly object: KubeObject };

export interface SimCluster {
  readonly options: Required<ClusterOptions>;
  readonly trace: Trace;
  readonly now: SimMs;
  /** Run the cluster forward to `t` (never backwards: the player replays for that). */
  advanceTo(t: SimMs): void;
  /** When the next thing is due (a message lands, a timer fires); nothing changes before it. */
  nextEventAt(): SimMs | undefined;
  /** Apply an input now. Returns false (and does nothing) when it makes no sense now. */
  dispatch(input: ClusterInput): boolean;

  hosts(): readonly HostState[];
  host(name: HostName): HostState | undefined;
  components(): readonly ComponentView[];

  /**
   * Send a request to the API server from `host`'s kubectl, as a message on the trace.
   * `onResponse` runs when the answer arrives in cluster time (immediately-refused
   * connections answer after one network round trip). Returns a cancel function (Ctrl+C).
   */
  request(host: HostName, req: ApiRequest, onResponse: (res: ApiResponse) => void): () => void;
  /**
   * Open a watch from `host`'s kubectl (kubectl get -w): the API server answers with the
   * objects it holds now, then sends every change as a message on the trace. `onEnd` runs
   * if the API server goes away. Returns the function that closes the connection.
   */
  watch(host: HostName, req: ApiRequest, onEvent: (e: WatchEvent) => void, onEnd: () => void): () => void;
  /** Wait until the object is gone (kubectl delete --wait). Returns a cancel function. */
  waitForDeletion(host: HostName, req: ApiRequest, onGone: () => void): () => void;

  /**
   * TCP connect from a host, or from a pod (kubectl exec … curl), to ip:port. A ClusterIP or
   * NodePort goes where the deciding node's iptables rules send it. Calls back in cluster
   * time; returns cancel.
   */
  connect(
    from: HostName,
    ip: string,
    port: number,
    onResult: (r: ConnectResult) => void,
    fromPod?: { readonly namespace: string; readonly name: string; readonly agent?: string },
  ): () => void;
  /** The host's netfilter tables (nat, filter) as `iptables` lists them; undefined while it is down. */
  iptables(host: HostName): HostTables | undefined;
  /**
   * What the kubelet on `node` answers to GET /containerLogs (kubectl logs): the lines of
   * the pod's current container, or of the one before it (`previous`).
   */
  containerLogs(node: string, podUid: string, container: string, previous: boolean): LogsResult;
  /**
   * What the container runtime on `node` holds (docker ps -a, images, inspect, logs); undefined
   * for an unknown node. `running` is false while docker is stopped or the host is down.
   */
  runtime(node: string): RuntimeView | undefined;
  /** ICMP echo from a host (ping): `onReply` runs if the address answers. Returns cancel. */
  ping(from: HostName, ip: string, onReply: () => void): () => void;
  /** DNS lookup through CoreDNS (10.96.0.10) from a host; returns cancel. */
  resolve(
    from: HostName,
    name: string,
    onResult: (ip: string | undefined, error?: 'timeout' | 'nxdomain') => void,
  ): () => void;

  /** Faults in force now (components stopped, modules removed, ...), however they were caused. */
  faults(): readonly { readonly id: string; readonly target?: string }[];

  /** etcdctl snapshot save: a copy of etcd's data. */
  etcdSnapshot(): unknown | undefined;
  /** etcdctl snapshot restore + restart etcd on it. */
  etcdRestore(snapshot: unknown): boolean;

  /** Read models for the view and inspectors; cheap to call every frame. */
  pods(): readonly PodView[];
  nodes(): readonly Node[];
  /** The Leases (the kubelets' heartbeats in kube-node-lease). */
  leases(): readonly Lease[];
  etcdKeys(): readonly EtcdKeyView[];
  /** What etcd holds, key by key in key order (the keys of `etcdKeys`, with their values). */
  etcdEntries(): readonly EtcdEntry[];
  etcdRevision(): number;
  /** The stored objects (what etcd holds), for inspectors and tests — never for kubectl. */
  objects(): readonly KubeObject[];
  pod(namespace: string, name: string): Pod | undefined;
}

export type { ContainerInfo, SandboxInfo } from './components/cri';
export type { LogEntry, LogsResult } from './containerLogs';
export type { HostTables, TableName } from './hostIptables';
export type { Match, Rule, Table } from './proxierRules';
export type { ApiRequest, ApiResponse, ClusterInput, Envelope, ServiceChange, SimMs };
