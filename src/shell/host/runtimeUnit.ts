// The container runtime's systemd unit, as each profile's machines have it: CentOS's
// docker 1.13.1 (dockerd-current with its own containerd, a shim per container) in the
// book's lab, containerd.io 2.2.3 (one containerd, a runc v2 shim per pod sandbox) in the
// second edition's. The lab keeps one runtime service inside the model (`docker` in its
// inputs); this table gives it the name and the texts a person sees. Sources and what is
// memory: docs/FACTS-profiles.md, "The runtime's service".
import type { SimCluster } from '../../sim/api';
import { profileOf } from '../../sim/profiles';
import {
  CONTAINERD,
  DOCKER_START_LOG,
  DOCKER_STOP_LOG,
  DOCKERD,
  EXEC_START,
  EXIT_ON_STOP,
  KUBELET,
  KUBELET_NO_DOCKER,
  STOP_MS,
  shimCommand,
  UNITS,
} from '../hostFacts';

export interface RuntimeUnit {
  /** The unit's name without `.service`: `systemctl stop docker` or `systemctl stop containerd`. */
  readonly name: 'docker' | 'containerd';
  readonly description: string;
  readonly loaded: string;
  readonly dropIn: readonly string[];
  readonly docs: string;
  /** The main process's name in `Main PID: 1019 (containerd)`. */
  readonly process: string;
  /** Its command line in ps. */
  readonly main: string;
  /** A helper the main process starts (docker 1.13's own containerd), 13 PIDs after it. */
  readonly helper?: string;
  /** The shim of one container (docker) or one pod sandbox (containerd). */
  shim(fullId: string): string;
  /** containerd's shims re-parent to systemd; docker 1.13's stay under its containerd. */
  readonly shimPerSandbox: boolean;
  /** The unit sets TasksMax=infinity (containerd's), so systemd 255's status shows no limit. */
  readonly tasksMaxInfinity: boolean;
  readonly execStart: string;
  readonly stopMs: number;
  readonly exitOnStop: string;
  /** The journal's identifier before `[pid]`. */
  readonly ident: string;
  /** Its own lines as it starts (logrus: level and the rest after msg=) and as systemd stops it. */
  readonly startLog: readonly (readonly [string, string])[];
  readonly stopLog: readonly (readonly [string, string])[];
  /** The kubelet's command line with the flags kubeadm wrote for this runtime. */
  readonly kubelet: string;
  /** What the kubelet logs every 5 s while the runtime does not answer: klog's file:line and the message. */
  readonly kubeletNoRuntime: readonly (readonly [string, string])[];
  /** What its PLEG's relist logs every second meanwhile (none shown for the book's docker). */
  readonly kubeletRelistFails: readonly (readonly [string, string])[];
}

const docker: RuntimeUnit = {
  name: 'docker',
  ...UNITS.docker,
  main: DOCKERD,
  helper: CONTAINERD,
  shim: shimCommand,
  shimPerSandbox: false,
  tasksMaxInfinity: false,
  execStart: EXEC_START.docker,
  stopMs: STOP_MS.docker,
  exitOnStop: EXIT_ON_STOP.docker,
  ident: 'dockerd-current',
  startLog: DOCKER_START_LOG,
  stopLog: DOCKER_STOP_LOG,
  kubelet: KUBELET,
  kubeletNoRuntime: [KUBELET_NO_DOCKER],
  kubeletRelistFails: [],
};

/** gRPC's error for a socket that is gone: containerd removes it as it exits (MEM, the wording is grpc-go's). */
const NO_SOCKET =
  'rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: no such file or directory\\"';

const containerd: RuntimeUnit = {
  name: 'containerd',
  // containerd.io's containerd.service (containerd's own unit): Description, Documentation,
  // ExecStartPre=-/sbin/modprobe overlay, ExecStart=/usr/bin/containerd, KillMode=process.
  description: 'containerd container runtime',
  loaded: '/usr/lib/systemd/system/containerd.service; enabled; vendor preset: enabled',
  dropIn: [],
  docs: 'https://containerd.io',
  process: 'containerd',
  main: '/usr/bin/containerd',
  shim: (fullId) =>
    `/usr/bin/containerd-shim-runc-v2 -namespace k8s.io -id ${fullId} -address /run/containerd/containerd.sock`,
  shimPerSandbox: true,
  // containerd.service: TasksMax=infinity (and KillMode=process, Delegate=yes).
  tasksMaxInfinity: true,
  execStart: '/usr/bin/containerd',
  // SIGTERM to containerd alone (KillMode=process): it stops its services and exits.
  stopMs: 200,
  exitOnStop: 'code=exited, status=0/SUCCESS',
  ident: 'containerd',
  // containerd 2.x's first and last lines (MEM: the plugin lines between them are left out).
  startLog: [
    ['info', 'msg="starting containerd" version=v2.2.3'],
    ['info', 'msg="Start cri plugin with config"'],
    ['info', 'msg=serving... address=/run/containerd/containerd.sock.ttrpc'],
    ['info', 'msg=serving... address=/run/containerd/containerd.sock'],
    ['info', 'msg="Start event monitor"'],
    ['info', 'msg="Start streaming server"'],
    ['info', 'msg="containerd successfully booted in 0.061234s"'],
  ],
  stopLog: [
    ['info', 'msg="Stop CRI service"'],
    ['info', 'msg="Event monitor stopped"'],
    ['info', 'msg="Stream server stopped"'],
  ],
  // kubeadm 1.36's /var/lib/kubelet/kubeadm-flags.env names the CRI endpoint (MEM: its other flags).
  kubelet:
    '/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///run/containerd/containerd.sock',
  // kubelet.go updateRuntimeUp every 5 s: the CRI client's error (cri-client log.go), then its own.
  kubeletNoRuntime: [
    ['log.go:32', `"Status from runtime service failed" err="${NO_SOCKET}"`],
    ['kubelet.go:3115', `"Container runtime sanity check failed" err="${NO_SOCKET}"`],
  ],
  // pleg/generic.go Relist every second: GetPods lists the sandboxes first (kuberuntime_sandbox.go),
  // and the CRI client logs the failed call; the three lines as a 1.2x kubelet's journal has them,
  // the CRI client's file:line as 1.3x's cri-client prints it (the other two line numbers are 1.2x's).
  kubeletRelistFails: [
    ['log.go:32', `"ListPodSandbox with filter from runtime service failed" err="${NO_SOCKET}" filter="nil"`],
    ['kuberuntime_sandbox.go:297', `"Failed to list pod sandboxes" err="${NO_SOCKET}"`],
    ['generic.go:238', `"GenericPLEG: Unable to retrieve pods" err="${NO_SOCKET}"`],
  ],
};

const units = { docker, containerd } as const;

/** The runtime's unit on the machines of `cluster`'s lab. */
export function runtimeUnit(cluster: Pick<SimCluster, 'options'>): RuntimeUnit {
  return units[profileOf(cluster.options.profile).runtime.service];
}
