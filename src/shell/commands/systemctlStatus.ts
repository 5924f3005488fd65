// systemctl status as systemd 219 prints it (or 255, the profile's `systemd`): the unit, its
// drop-ins, Active with its time, the main PID and its cgroup's process tree while it runs
// (how the last one ended once it has stopped), and the journal's last 10 lines. Lines are
// cut to the terminal's 80 columns with "…", as systemctl does without --full. 255's
// layout is systemctl-show.c print_status_info's: labels right-aligned in 11 columns,
// `preset:`, `Tasks: N (limit: M)`, `Memory: … (peak: …)` and `CPU:`; a unit that is not
// running is marked ○ and says how long its last run lasted (`Duration:`) and what CPU it used.
import type { HostState, SimCluster } from '../../sim/api';
import type { HostService } from '../../sim/inputs';
import type { Profile } from '../../sim/profiles';
import type { CommandIO } from '../command';
import { journal, journalLine } from '../host/hostJournal';
import type { HostProcess } from '../host/hostProcesses';
import { hostProcesses, loadOf, serviceStart } from '../host/hostProcesses';
import { kubeletLoops, LOOP_RUN_MS, loopCpuMs, loopingSince, loopPid } from '../host/kubeletLoop';
import { timespan } from '../host/logFormats';
import type { RuntimeUnit } from '../host/runtimeUnit';
import { runtimeUnit } from '../host/runtimeUnit';
import { EXEC_START, EXIT_ON_STOP, STOP_MS, UNITS } from '../hostFacts';
import { labProfile } from '../labProfile';
import { labEpoch, systemdAgo, systemdTime } from '../wallClock';

const COLUMNS = 80;

/** systemd's ellipsize(): keeps `percent` of the room before the "…" and the rest from the end. */
export function ellipsize(text: string, width: number, percent: number): string {
  if ([...text].length <= width) return text;
  const chars = [...text];
  const head = Math.floor(((width - 1) * percent) / 100);
  const tail = width - 1 - head;
  return `${chars.slice(0, head).join('')}…${tail > 0 ? chars.slice(chars.length - tail).join('') : ''}`;
}

/** "63.5M": systemd's format_bytes. */
function bytes(kib: number): string {
  const m = kib / 1024;
  return m >= 1024 ? `${(m / 1024).toFixed(1)}G` : `${m.toFixed(1)}M`;
}

/** The processes in the service's cgroup: its main process and what it started (docker's shims stay in docker.service). */
function cgroup(
  procs: readonly HostProcess[],
  service: 'kubelet' | 'docker',
  rt: RuntimeUnit,
): HostProcess[] {
  const main = procs.find((p) => p.cmd === (service === 'docker' ? rt.main : rt.kubelet));
  // containerd's shims stay in containerd.service's cgroup though systemd is their parent,
  // and stay there when containerd is stopped (KillMode=process).
  const shimExe = `${rt.shim('').split(' ')[0]} `;
  if (service === 'docker' && rt.shimPerSandbox)
    return procs.filter((p) => p === main || p.cmd.startsWith(shimExe));
  if (!main) return [];
  if (service === 'kubelet') return [main];
  const containerd = procs.find((p) => p.ppid === main.pid);
  return procs.filter((p) => p === main || p === containerd || (containerd && p.ppid === containerd.pid));
}

/**
 * systemd's DefaultTasksMax, 15 % of the kernel's threads-max (MemTotal over 8 stacks of
 * 16 KiB); pid_max (32768 on two CPUs) is higher here.
 */
const tasksLimit = (memTotalKib: number) => Math.floor(((memTotalKib * 1024) / (8 * 16_384)) * 0.15);

/** When the run that `stop` ended had begun: the last start before it, or the boot. */
function runBefore(host: HostState, service: HostService, stop: number): number {
  return (
    [...host.serviceLog].reverse().find((c) => c.service === service && c.how !== 'stop' && c.at < stop)
      ?.at ?? host.bootedAt
  );
}

function lastStop(host: HostState, service: HostService): number | undefined {
  return [...host.serviceLog].reverse().find((c) => c.service === service && c.how === 'stop')?.at;
}

export function status(io: CommandIO, service: HostService, now: number): void {
  const cluster: SimCluster = io.shell.world.cluster;
  const host = cluster.host(io.shell.host);
  if (!host) {
    io.exit(4);
    return;
  }
  const rt = runtimeUnit(cluster);
  const unit = service === 'docker' ? rt : UNITS[service];
  const unitName = service === 'docker' ? rt.name : service;
  const active = host.services[service] === 'active';
  const profile = labProfile(io.shell);
  const v255 = profile.systemd === 'v255';
  // 219's labels end in column 10, 255's in 12; what continues a label's value is indented to match.
  const label = (name: string) => `${name}:`.padStart(v255 ? 12 : 10);
  const indent = ' '.repeat(v255 ? 13 : 11);
  // Ubuntu ships no preset files: every unit's preset is enabled (systemd's default, `enable *`).
  const loaded = v255 ? unit.loaded.replace(/; vendor preset: \w+/, '; preset: enabled') : unit.loaded;
  const lines = [`● ${unitName}.service - ${unit.description}`, `${label('Loaded')} loaded (${loaded})`];
  // systemd 248+ marks a unit that is not running (nor starting) with a white circle.
  const dead = () => {
    if (v255) lines[0] = `○${(lines[0] as string).slice(1)}`;
  };
  const [dir, ...files] = unit.dropIn;
  if (dir) lines.push(`${label('Drop-In')} ${dir}`, ...files.map((f) => `${indent}${f}`));
  if (service === 'network') {
    const since = host.bootedAt;
    lines.push(
      `${label('Active')} ${active ? 'active (exited)' : 'inactive (dead)'} since ${systemdTime(since, labEpoch(cluster))}; ${systemdAgo(now - since)}`,
    );
    io.out(lines.join('\n'));
    io.exit(active ? 0 : 3);
    return;
  }
  const loop = service === 'kubelet' && !host.joined ? loopingSince(host, now) : undefined;
  if (loop || (service === 'kubelet' && !host.joined)) {
    if (!loop) dead();
    lines.push(
      ...unjoinedKubelet(host, now, loop, labEpoch(cluster), profile, label),
      ...journalTail(cluster, host, service, now),
    );
    io.out(lines.join('\n'));
    io.exit(3);
    return;
  }
  const started = serviceStart(host, service);
  const stopped = lastStop(host, service);
  // systemd's "since" for a stopped unit is when it finished stopping.
  const since = active
    ? (started ?? host.bootedAt)
    : stopped !== undefined
      ? stopped + (service === 'docker' ? rt.stopMs : STOP_MS[service])
      : host.bootedAt;
  lines.push(
    `${label('Active')} ${active ? 'active (running)' : 'inactive (dead)'} since ${systemdTime(since, labEpoch(cluster))}; ${systemdAgo(now - since)}`,
  );
  // The run that ended: from its start to the end of its stop.
  const lastRun = !active && stopped !== undefined ? runBefore(host, service, stopped) : undefined;
  if (!active) dead();
  if (v255 && lastRun !== undefined) lines.push(`${label('Duration')} ${timespan(since - lastRun)}`);
  lines.push(`${label('Docs')} ${unit.docs}`);
  const entries = journal(cluster, host, [service], now);
  if (active && (service === 'docker' || host.joined)) {
    const procs = cgroup(hostProcesses(cluster, host, now), service, rt);
    const main = procs[0];
    if (main) {
      lines.push(`${label('Main PID')} ${main.pid} (${unit.process})`);
      lines.push(...usage(procs, service, host, now));
    }
  } else if (stopped !== undefined) {
    const pid = [...entries]
      .reverse()
      .find((e) => e.ident !== 'systemd[1]')
      ?.ident.replace(/^.*\[(\d+)\]$/, '$1');
    if (pid) {
      const exit = service === 'docker' ? rt.exitOnStop : EXIT_ON_STOP[service];
      lines.push(
        `${label('Process')} ${pid} ExecStart=${service === 'docker' ? rt.execStart : EXEC_START[service]} (${exit})`,
      );
      lines.push(`${label('Main PID')} ${pid} (${exit})`);
    }
    // What KillMode=process left: the shims, still in the unit's cgroup.
    const left =
      service === 'docker' && active === false ? cgroup(hostProcesses(cluster, host, now), service, rt) : [];
    if (left.length > 0 && profile.runtime.containersOutliveService)
      lines.push(
        ...usage(
          left,
          service,
          host,
          now,
          lastRun === undefined ? 0 : loadOf(rt.main).cpu * (stopped - lastRun),
        ),
      );
    else if (v255) {
      // The unit's CPU over its last run, as its cgroup counted it until the stop: its main process's.
      const main = service === 'docker' ? rt.main : rt.kubelet;
      const ran = lastRun === undefined ? 0 : loadOf(main).cpu * (stopped - lastRun);
      lines.push(`${label('CPU')} ${timespan(ran)}`);
    }
  }
  lines.push(...journalTail(cluster, host, service, now));
  io.out(lines.join('\n'));
  io.exit(active ? 0 : 3);

  /** Tasks, Memory, CPU and the cgroup's tree of the unit's processes. */
  function usage(
    procs: readonly HostProcess[],
    svc: 'kubelet' | 'docker',
    h: HostState,
    t: number,
    /** CPU the cgroup counted for processes gone from it (containerd, before its stop). */
    goneCpuMs = 0,
  ): string[] {
    const out: string[] = [];
    // Go programs run a dozen threads or so each; systemd counts tasks, not processes.
    const tasks = procs.length * 9 + 8;
    const role = h.role === 'master' ? 'master' : 'worker';
    // containerd's unit sets TasksMax=infinity: systemd then prints no limit.
    const limited = v255 && !(svc === 'docker' && rt.tasksMaxInfinity);
    out.push(
      limited
        ? `${label('Tasks')} ${tasks} (limit: ${tasksLimit(profile.node.memTotalKib[role])})`
        : `${label('Tasks')} ${tasks}`,
    );
    const memory = procs.reduce((n, p) => n + p.rssKib, 0);
    // 255 adds the cgroup's memory.peak; the lab takes it as 3 % over what the unit holds now.
    out.push(
      v255
        ? `${label('Memory')} ${bytes(memory)} (peak: ${bytes(Math.round(memory * 1.03))})`
        : `${label('Memory')} ${bytes(memory)}`,
    );
    if (v255)
      out.push(
        `${label('CPU')} ${timespan(procs.reduce((n, p) => n + p.cpu * Math.max(0, t - p.startedAt), goneCpuMs))}`,
      );
    out.push(`${label('CGroup')} /system.slice/${unitName}.service`);
    procs.forEach((p, i) => {
      const branch = i === procs.length - 1 ? '└─' : '├─';
      out.push(ellipsize(`${indent}${branch}${p.pid} ${p.cmd}`, COLUMNS, 100));
    });
    return out;
  }
}

function journalTail(
  cluster: SimCluster,
  host: HostState,
  service: 'kubelet' | 'docker',
  now: number,
): string[] {
  const last = journal(cluster, host, [service], now).slice(-10);
  return last.length > 0
    ? ['', ...last.map((e) => ellipsize(journalLine(host.name, e, labEpoch(cluster)), COLUMNS, 90))]
    : [];
}

/** Before kubeadm: waiting to be started again after its exit, or stopped by hand. */
function unjoinedKubelet(
  host: HostState,
  now: number,
  loop: ReturnType<typeof loopingSince>,
  epochMs: number,
  profile: Profile,
  label: (name: string) => string,
): string[] {
  const stoppedAt = lastStop(host, 'kubelet');
  const since = loop ? loop.lastExit : (stoppedAt ?? host.bootedAt);
  const pid = loopPid(host, loop ? loop.lastStart : (lastStartBefore(host, since) ?? host.bootedAt));
  const status = profile.kubelet.noConfig.exitStatus;
  if (profile.systemd !== 'v255')
    return [
      `   Active: ${loop ? 'activating (auto-restart) (Result: exit-code)' : 'inactive (dead)'} since ${systemdTime(since, epochMs)}; ${systemdAgo(now - since)}`,
      `     Docs: ${UNITS.kubelet.docs}`,
      `  Process: ${pid} ExecStart=${EXEC_START.kubelet} (code=exited, status=${status})`,
      ` Main PID: ${pid} (code=exited, status=${status})`,
    ];
  // 255 keeps the last run's result through a stop (service_stop from auto-restart leaves it),
  // its length, and the CPU it used (accounting starts again at each start).
  const exited = `code=exited, status=${status}/FAILURE`;
  return [
    `${label('Active')} ${loop ? 'activating (auto-restart)' : 'inactive (dead)'} (Result: exit-code) since ${systemdTime(since, epochMs)}; ${systemdAgo(now - since)}`,
    ...(loop ? [] : [`${label('Duration')} ${timespan(LOOP_RUN_MS)}`]),
    `${label('Docs')} ${UNITS.kubelet.docs}`,
    `${label('Process')} ${pid} ExecStart=${EXEC_START.kubelet} (${exited})`,
    `${label('Main PID')} ${pid} (${exited})`,
    `${label('CPU')} ${timespan(loopCpuMs(pid))}`,
  ];
}

function lastStartBefore(host: HostState, t: number): number | undefined {
  const loop = kubeletLoops(host, t)
    .filter((l) => l.start <= t)
    .at(-1);
  if (!loop) return undefined;
  const period = 10_120;
  return loop.start + Math.floor((Math.min(t, loop.end ?? t) - loop.start) / period) * period;
}
