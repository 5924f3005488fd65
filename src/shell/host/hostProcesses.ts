// The processes of a host, as the kernel's process table holds them: systemd and the
// box's daemons, dockerd and its containerd with one shim per container, the kubelet,
// and every running container's own processes (pause for each pod sandbox). A stopped
// service has no process; a service started again gets a new PID, later than every
// process before it, as Linux hands PIDs out in increasing order.
import type { HostState, ServiceChange, SimCluster } from '../../sim/api';
import { lookupImage } from '../../sim/images';
import { profileOf } from '../../sim/profiles';
import { BASE_PROCESSES, CONTAINER_COMMANDS, CPUS, NGINX_PROCESSES, PROCESS_PARENTS } from '../hostFacts';
import type { NodeContainer } from './nodeContainers';
import { nodeContainers } from './nodeContainers';
import type { RuntimeUnit } from './runtimeUnit';
import { runtimeUnit } from './runtimeUnit';

export interface HostProcess {
  readonly pid: number;
  readonly ppid: number;
  readonly user: string;
  readonly cmd: string;
  /** Cluster time it started. */
  readonly startedAt: number;
  readonly tty: string;
  readonly stat: string;
  /** CPU share while it runs (0..1) and memory in KiB: rough, for ps aux's columns. */
  readonly cpu: number;
  readonly vszKib: number;
  readonly rssKib: number;
}

/** When the service's current run began (its last start since boot), or undefined when it is not running. */
export function serviceStart(host: HostState, service: ServiceChange['service']): number | undefined {
  if (host.services[service] !== 'active') return undefined;
  const last = [...host.serviceLog].reverse().find((c) => c.service === service && c.how !== 'stop');
  return last?.at ?? host.bootedAt;
}

/** A process group born at one moment: `span` PIDs from the one it is given. */
interface Birth {
  readonly at: number;
  readonly order: number;
  readonly span: number;
  make(pid: number): HostProcess[];
}

/** Boot starts dockerd (and its containerd) and the kubelet with these PIDs; later processes come after them. */
export const BOOT_PIDS = { docker: 1019, kubelet: 1034 } as const;
const FIRST_PID = 1036;

function allocate(births: Birth[], bootedAt: number): HostProcess[] {
  births.sort((a, b) => a.at - b.at || a.order - b.order);
  const out: HostProcess[] = [];
  let next = FIRST_PID;
  for (const b of births) {
    const boot =
      b.at === bootedAt && b.order <= 1 ? (b.order === 0 ? BOOT_PIDS.docker : BOOT_PIDS.kubelet) : undefined;
    if (boot !== undefined) {
      out.push(...b.make(boot));
      continue;
    }
    // Short-lived processes (health checks, shells) use up PIDs in between: about one per 2 s.
    const pid = Math.max(next, FIRST_PID + Math.floor(Math.max(0, b.at - bootedAt) / 2000));
    out.push(...b.make(pid));
    next = pid + b.span + 1;
  }
  return out;
}

const proc = (
  p: Pick<HostProcess, 'pid' | 'ppid' | 'cmd' | 'startedAt'> & Partial<HostProcess>,
): HostProcess => ({ user: 'root', tty: '?', stat: 'Ssl', cpu: 0, vszKib: 110_000, rssKib: 12_000, ...p });

/** Rough CPU share and resident memory of the lab's busy processes, by executable. */
const LOAD: Readonly<Record<string, readonly [number, number, number]>> = {
  'kube-apiserver': [0.045, 407_000, 316_000],
  etcd: [0.022, 10_612_000, 58_000],
  'kube-controller-manager': [0.012, 217_000, 86_000],
  'kube-scheduler': [0.004, 149_000, 39_000],
  kubelet: [0.021, 1_452_000, 92_000],
  'dockerd-current': [0.008, 1_134_000, 62_000],
  'docker-containerd-current': [0.001, 458_000, 11_000],
  containerd: [0.006, 1_920_000, 48_000],
  'calico-node': [0.006, 1_341_000, 46_000],
  '/usr/local/bin/kube-proxy': [0.001, 140_000, 21_000],
  '/coredns': [0.003, 144_000, 18_000],
};

export function loadOf(cmd: string): Pick<HostProcess, 'cpu' | 'vszKib' | 'rssKib'> {
  const exe = (cmd.split(' ')[0] as string).replace(/^\/usr\/bin\//, '');
  const l = LOAD[exe];
  return l ? { cpu: l[0], vszKib: l[1], rssKib: l[2] } : { cpu: 0, vszKib: 108_000, rssKib: 7_000 };
}

export function hostProcesses(cluster: SimCluster, host: HostState, now: number): HostProcess[] {
  const boot = host.bootedAt;
  const out: HostProcess[] = BASE_PROCESSES.map((b) =>
    proc({
      ...b,
      startedAt: boot,
      stat: b.cmd.startsWith('[') ? 'S' : 'Ss',
      vszKib: b.cmd.startsWith('[') ? 0 : 125_000,
      rssKib: b.cmd.startsWith('[') ? 0 : 4_000,
    }),
  );
  const births: Birth[] = [];
  const rt = runtimeUnit(cluster);
  const dockerAt = serviceStart(host, 'docker');
  const outlive = profileOf(cluster.options.profile).runtime.containersOutliveService;
  let containerd = -1;
  if (dockerAt !== undefined) {
    births.push({
      at: dockerAt,
      order: 0,
      span: 14,
      make: (pid) => {
        const helper = rt.helper;
        containerd = helper ? pid + 13 : pid;
        return [
          proc({ pid, ppid: 1, cmd: rt.main, startedAt: dockerAt, ...loadOf(rt.main) }),
          ...(helper
            ? [
                proc({
                  pid: pid + 13,
                  ppid: pid,
                  cmd: helper,
                  startedAt: dockerAt,
                  ...loadOf('docker-containerd-current'),
                }),
              ]
            : []),
        ];
      },
    });
    if (!outlive) births.push(...containerBirths(cluster, host, rt, () => containerd));
  }
  // containerd's shims and their containers do not stop with it (KillMode=process).
  if (outlive) births.push(...containerBirths(cluster, host, rt, () => containerd));
  const kubeletAt = serviceStart(host, 'kubelet');
  if (kubeletAt !== undefined && host.joined)
    births.push({
      at: kubeletAt,
      order: 1,
      span: 1,
      make: (pid) => [proc({ pid, ppid: 1, cmd: rt.kubelet, startedAt: kubeletAt, ...loadOf('kubelet') })],
    });
  out.push(...allocate(births, boot));
  return out.filter((p) => p.startedAt <= now).sort((a, b) => a.pid - b.pid);
}

/** The service's main PID now, or undefined when it does not run. */
export function mainPid(
  cluster: SimCluster,
  host: HostState,
  service: 'docker' | 'kubelet',
  now: number,
): number | undefined {
  const rt = runtimeUnit(cluster);
  const cmd = service === 'docker' ? rt.main : rt.kubelet;
  return hostProcesses(cluster, host, now).find((p) => p.cmd === cmd)?.pid;
}

function containerBirths(
  cluster: SimCluster,
  host: HostState,
  rt: RuntimeUnit,
  containerd: () => number,
): Birth[] {
  if (
    !cluster.runtime(host.name)?.running &&
    !(profileOf(cluster.options.profile).runtime.containersOutliveService && host.powered)
  )
    return [];
  // containerd: one shim per pod sandbox, its pod's processes under it, systemd its parent.
  const sandboxShims = new Map<string, number>();
  const shim = (fullId: string, at: number, pid: number) =>
    proc({
      pid,
      ppid: rt.shimPerSandbox ? 1 : containerd(),
      cmd: rt.shim(fullId),
      startedAt: at,
      stat: 'Sl',
      vszKib: 272_000,
      rssKib: 3_200,
    });
  return nodeContainers(cluster, host.name).map((c): Birth => {
    const cmds = c.container ? commandsOf(c, host.name, host.role === 'master') : ['/pause'];
    const parents = PROCESS_PARENTS[c.container?.name ?? ''] ?? [];
    return {
      at: c.startedAt,
      order: c.container ? 3 : 2,
      span: 9 + cmds.length,
      make: (pid) => {
        const own = !rt.shimPerSandbox || !c.container;
        if (rt.shimPerSandbox && !c.container) sandboxShims.set(c.pod.metadata.uid, pid);
        const parent = own ? pid : (sandboxShims.get(c.pod.metadata.uid) ?? 1);
        return [
          ...(own ? [shim(c.fullId, c.startedAt, pid)] : []),
          ...cmds.map((cmd, i) => {
            const worker = cmd === NGINX_PROCESSES.worker;
            const tree = cmd.startsWith('nginx') || cmd.startsWith('runsv') || cmd === '/pause';
            return proc({
              pid: pid + 9 + i,
              ppid: i === 0 ? parent : pid + 9 + Math.max(0, parents[i] ?? 0),
              cmd,
              startedAt: c.startedAt,
              // nginx's workers run as its user nginx (uid 101), unknown to the host's /etc/passwd.
              user: worker ? '101' : 'root',
              stat: tree ? (i === 0 ? 'Ss' : 'S') : i === 0 ? 'Ssl' : 'Sl',
              ...(cmd === '/pause' ? { vszKib: 1_024, rssKib: 4 } : loadOf(cmd)),
            });
          }),
        ];
      },
    };
  });
}

/** The container's processes: kubeadm's commands and Calico's runit tree from the table, nginx's master and workers, else its argv. */
function commandsOf(c: NodeContainer, host: string, master: boolean): string[] {
  const name = c.container?.name ?? '';
  const known = CONTAINER_COMMANDS[name];
  if (known) return known.map((cmd) => cmd.replace('${NODE}', host));
  const found = lookupImage(c.image);
  if (found.ok && (found.image.kind === 'nginx' || found.image.kind === 'echo-hname')) {
    const cpus = master ? CPUS.master : CPUS.worker;
    return [NGINX_PROCESSES.master, ...Array.from({ length: cpus }, () => NGINX_PROCESSES.worker)];
  }
  return c.argv.length > 0 ? [c.argv.join(' ')] : [];
}
