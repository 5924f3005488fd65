// What a kubelet reports: the pod status it computes from its pod worker, and the
// node conditions it posts every 10 s (nodeStatusUpdateFrequency).
import { imageIdOf, statusImageOf } from '../images';
import { controlPlaneContainer, controlPlaneImage } from '../labs/addons';
import { KUBELET_PORT, machineIds, nodeAnnotations, roleFacts } from '../labs/nodeFacts';
import type { Condition, ContainerState, Node, Pod } from '../objects';
import { MIRROR_ANNOTATION } from '../objects';
import { qosClass } from '../podDefaults';
import type { Profile } from '../profiles';
import { profile118 } from '../profiles/v1_18';
import type { SimMs } from '../units';
import { goDurationMs } from '../units';
import type { ContainerDied, SandboxInfo } from './cri';
import { restartPolicyOf } from './podSync';
import type { BackoffEntry, Exit } from './podWorkerRules';
import { podPhase, terminated } from './podWorkerRules';

export interface PodWorker {
  readonly uid: string;
  pod: Pod;
  busy: boolean;
  sandbox?: SandboxInfo;
  containerId?: string;
  running: boolean;
  startedAt?: number;
  restartCount: number;
  /** Starts attempted since the pod was created (the first one is the book's eight steps). */
  starts: number;
  waiting?: { reason: string; message?: string };
  /** The current container's end, while no new container has replaced it. */
  exited?: Exit;
  /** The end of the container before the current one (describe's Last State). */
  lastExit?: Exit;
  crashBackoff?: BackoffEntry;
  /** PLEG saw the container exit before StartContainer answered. */
  diedEarly?: ContainerDied;
  pullBackoff?: BackoffEntry;
  retryAt: number;
  killing: boolean;
  /** Exited and not to be restarted (restartPolicy Never, or OnFailure after success). */
  done: boolean;
}

export function podStatusFor(w: PodWorker, hostIP: string, now: SimMs, profile: Profile): Pod['status'] {
  const idScheme = profile.node.containerIdScheme;
  // The kubelet of 1.29+ reports PodReadyToStartContainers first: the sandbox is up with its network.
  const readyToStartCondition = profile.kubelet.podReadyToStartContainers;
  const runtime = profile.runtime.service;
  const pod = w.pod;
  const c = pod.spec.containers[0];
  const state: ContainerState = w.running
    ? { running: { startedAt: (w.startedAt ?? now) as SimMs } }
    : w.exited && !w.waiting
      ? terminated(w.exited)
      : w.waiting
        ? { waiting: w.waiting }
        : { waiting: { reason: 'ContainerCreating' } };
  const last = !w.running && w.exited && w.waiting ? w.exited : w.lastExit;
  const ready = w.running;
  const t = now;
  const cond = (type: string, ok: boolean, reason?: string): Condition => ({
    type,
    status: ok ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: t,
    ...(reason && !ok ? { reason } : {}),
  });
  const everStarted = w.starts > 0 || w.restartCount > 0;
  const podIP = w.sandbox ? w.sandbox.ip : pod.status.podIP;
  const phase = w.exited
    ? podPhase(restartPolicyOf(pod), { running: w.running, exited: w.exited, restarted: true })
    : podPhase(restartPolicyOf(pod), { running: w.running, restarted: everStarted });
  return withNewerFields(pod, profile, {
    phase,
    hostIP,
    ...(podIP ? { podIP, podIPs: [{ ip: podIP }] } : {}),
    qosClass: pod.status.qosClass ?? qosClass(pod),
    startTime: pod.status.startTime ?? now,
    conditions: [
      ...(readyToStartCondition ? [cond('PodReadyToStartContainers', !!w.sandbox)] : []),
      cond('Initialized', true),
      cond('Ready', ready, 'ContainersNotReady'),
      cond('ContainersReady', ready, 'ContainersNotReady'),
      {
        type: 'PodScheduled',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime:
          pod.status.conditions.find((x) => x.type === 'PodScheduled')?.lastTransitionTime ??
          pod.metadata.creationTimestamp,
      },
    ],
    containerStatuses: c
      ? pod.spec.containers.map((x) => ({
          name: x.name,
          image: statusImageOf(x.image, runtime),
          ...(w.containerId || w.restartCount > 0
            ? { imageID: imageIdOf(x.image, runtime) }
            : { imageID: '' }),
          ready,
          restartCount: w.restartCount,
          started: w.running,
          state,
          ...(last ? { lastState: terminated(last) } : {}),
          ...(w.containerId ? { containerID: `${idScheme}${w.containerId}` } : {}),
        }))
      : [],
  });
}

/**
 * What a newer kubelet adds to the status it reports (the profile's kubelet.podStatus, and
 * observedGeneration when the pod has a generation): hostIPs; for each container that has
 * started, its resources, its user and its mounts; the generation it acted on, on the status
 * and on each condition. Real 1.34/1.35-era pods (docs/FACTS-profiles.md) are the model.
 */
export function withNewerFields(pod: Pod, profile: Profile, status: Pod['status']): Pod['status'] {
  const f = profile.kubelet.podStatus;
  const generation = pod.metadata.generation;
  const mounts = new Map(pod.spec.containers.map((c) => [c.name, c.volumeMounts ?? []]));
  const specs = new Map(pod.spec.containers.map((c) => [c.name, c]));
  return {
    ...status,
    ...(f.hostIPs && status.hostIP ? { hostIPs: [{ ip: status.hostIP }] } : {}),
    ...(generation !== undefined ? { observedGeneration: generation } : {}),
    conditions:
      generation === undefined
        ? status.conditions
        : status.conditions.map((c) => ({ ...c, observedGeneration: generation })),
    containerStatuses: status.containerStatuses.map((s) => {
      if (!s.containerID) return s;
      const requests = specs.get(s.name)?.resources?.requests;
      const resources = specs.get(s.name)?.resources ?? {};
      return {
        ...s,
        ...(f.containerResources
          ? {
              resources,
              ...(requests && Object.keys(requests).length > 0 ? { allocatedResources: requests } : {}),
            }
          : {}),
        ...(f.containerUser ? { user: { linux: { gid: 0, supplementalGroups: [0], uid: 0 } } } : {}),
        ...(f.mountStatus && (mounts.get(s.name)?.length ?? 0) > 0
          ? {
              volumeMounts: (mounts.get(s.name) ?? []).map((m) => ({
                mountPath: m.mountPath,
                name: m.name,
                ...(m.readOnly ? { readOnly: true } : {}),
                recursiveReadOnly: 'Disabled' as const,
              })),
            }
          : {}),
      };
    }),
  };
}

export interface NodeHealth {
  readonly runtimeUp: boolean;
  readonly cniReady: boolean;
  /** The PLEG health check's error, when its last relist is older than its threshold. */
  readonly pleg?: string;
}

/**
 * The PLEG's health (pleg/generic.go Healthy): its relist, every second, fails while the
 * runtime does not answer; once the last good one is older than the threshold (kubelet.go
 * genericPlegRelistThreshold, 3 min) it says how long ago that was, as Go prints a Duration
 * (the lab's time is in ms: the digits below the millisecond are made from the moment).
 */
export function plegUnhealthy(lastRelistAt: number, now: number, thresholdMs: number): string | undefined {
  const elapsed = now - lastRelistAt;
  if (thresholdMs <= 0 || elapsed <= thresholdMs) return undefined;
  const subMs = (Math.floor(now) * 7919 + 104_729) % 1_000_000;
  return `PLEG is not healthy: pleg was last seen active ${goDurationNs(elapsed, subMs)} ago; threshold is ${goDurationMs(thresholdMs)}`;
}

/** Go's Duration.String for `ms` milliseconds and `subMs` nanoseconds more (under a minute's fraction: 9 digits, trailing zeros cut). */
function goDurationNs(ms: number, subMs: number): string {
  const whole = Math.floor(ms);
  const h = Math.floor(whole / 3_600_000);
  const m = Math.floor((whole % 3_600_000) / 60_000);
  const secMs = whole % 60_000;
  const frac = `${String(secMs % 1000).padStart(3, '0')}${String(subMs).padStart(6, '0')}`.replace(/0+$/, '');
  const s = `${Math.floor(secMs / 1000)}${frac ? `.${frac}` : ''}s`;
  return h > 0 ? `${h}h${m}m${s}` : m > 0 ? `${m}m${s}` : s;
}

export function nodeConditions(health: NodeHealth, prev: readonly Condition[], now: SimMs): Condition[] {
  const ok = (type: string, reason: string, message: string): Condition => ({
    type,
    status: 'False',
    reason,
    message,
    lastHeartbeatTime: now,
    lastTransitionTime:
      prev.find((c) => c.type === type)?.status === 'False'
        ? (prev.find((c) => c.type === type)?.lastTransitionTime ?? now)
        : now,
  });
  const readyNow = health.runtimeUp && health.cniReady;
  const prevReady = prev.find((c) => c.type === 'Ready');
  // runtime.go runtimeErrors: an aggregate of its errors, which apimachinery prints in brackets when there are two.
  const message = !health.runtimeUp
    ? health.pleg
      ? `[container runtime is down, ${health.pleg}]`
      : 'container runtime is down'
    : 'runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker: network plugin is not ready: cni config uninitialized';
  const ready: Condition = readyNow
    ? {
        type: 'Ready',
        status: 'True',
        reason: 'KubeletReady',
        message: 'kubelet is posting ready status',
        lastHeartbeatTime: now,
        lastTransitionTime: prevReady?.status === 'True' ? (prevReady.lastTransitionTime ?? now) : now,
      }
    : {
        type: 'Ready',
        status: 'False',
        reason: 'KubeletNotReady',
        message,
        lastHeartbeatTime: now,
        lastTransitionTime: prevReady?.status === 'False' ? (prevReady.lastTransitionTime ?? now) : now,
      };
  return [
    ok('MemoryPressure', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    ok('DiskPressure', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    ok('PIDPressure', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    ready,
  ];
}

export interface NodeMachine {
  readonly name: string;
  readonly ip: string;
  readonly role: 'master' | 'worker';
  readonly bootedAt: number;
  /** Calico's tunl0 address: its block's first address (undefined before Calico runs). */
  readonly tunnelAddr?: string;
  /** The node IPAM controller's /24, in the order nodes registered. */
  readonly podCIDR?: string;
  /** The lab's version: what kubeadm marks the master with, what the kubelet reports. */
  readonly profile?: Profile;
}

/** The Node a kubelet registers, with what kubeadm, the node controller and Calico add to it. */
export function newNode(m: NodeMachine, now: SimMs): Node {
  const { name, ip, role } = m;
  const facts = roleFacts[role];
  const { node: profile } = m.profile ?? profile118;
  return {
    kind: 'Node',
    metadata: {
      name,
      uid: '',
      resourceVersion: 0,
      creationTimestamp: now,
      annotations: nodeAnnotations(ip, m.tunnelAddr, profile.criSocketAnnotation),
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...(role === 'master' ? profile.masterLabels : {}),
      },
    },
    spec: {
      ...(m.podCIDR ? { podCIDR: m.podCIDR, podCIDRs: [m.podCIDR] } : {}),
      taints: role === 'master' ? profile.masterTaints.map((t) => ({ ...t })) : [],
    },
    status: {
      conditions: [],
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: name },
      ],
      capacity: facts.capacity,
      allocatable: facts.allocatable,
      daemonEndpoints: { kubeletEndpoint: { Port: KUBELET_PORT } },
      nodeInfo: { ...profile.software, ...machineIds(name, m.bootedAt) },
    },
  };
}

/** The API's copy of a static pod: the kubelet runs it from its manifest file. */
export function mirrorPod(
  component: string,
  node: string,
  hostIP: string,
  now: SimMs,
  profile: Profile,
): Pod {
  const started = now;
  return {
    kind: 'Pod',
    metadata: {
      name: `${component}-${node}`,
      namespace: 'kube-system',
      uid: '',
      resourceVersion: 0,
      creationTimestamp: now,
      labels: { component, tier: 'control-plane' },
      annotations: { [MIRROR_ANNOTATION]: component },
    },
    spec: {
      nodeName: node,
      containers: [controlPlaneContainer(component, profile)],
      priorityClassName: 'system-cluster-critical',
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
      terminationGracePeriodSeconds: 30,
      hostNetwork: true,
    },
    status: {
      phase: 'Running',
      hostIP,
      podIP: hostIP,
      startTime: now,
      conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
        type,
        status: 'True' as const,
        lastTransitionTime: started,
      })),
      containerStatuses: [
        {
          name: component,
          image: controlPlaneImage(component, profile),
          ready: true,
          restartCount: 0,
          state: { running: { startedAt: started } },
        },
      ],
    },
  };
}
