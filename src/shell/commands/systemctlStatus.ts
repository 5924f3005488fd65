// systemctl status as systemd 219 prints it: the unit, its drop-ins, Active with its time,
// the main PID and its cgroup's process tree while it runs (how the last one ended once it
// has stopped), and the journal's last 10 lines. Lines are cut to the terminal's 80
// columns with "…", as systemctl does without --full.
import type { HostState, SimCluster } from '../../sim/api';
import type { HostService } from '../../sim/inputs';
import type { CommandIO } from '../command';
import { journal, journalLine } from '../host/hostJournal';
import type { HostProcess } from '../host/hostProcesses';
import { hostProcesses, serviceStart } from '../host/hostProcesses';
import { kubeletLoops, loopingSince, loopPid } from '../host/kubeletLoop';
import type { RuntimeUnit } from '../host/runtimeUnit';
import { runtimeUnit } from '../host/runtimeUnit';
import { EXEC_START, EXIT_ON_STOP, STOP_MS, UNITS } from '../hostFacts';
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
  if (!main) return [];
  if (service === 'kubelet') return [main];
  // containerd's shims stay in containerd.service's cgroup though systemd is their parent.
  const shimExe = `${rt.shim('').split(' ')[0]} `;
  if (rt.shimPerSandbox) return procs.filter((p) => p === main || p.cmd.startsWith(shimExe));
  const containerd = procs.find((p) => p.ppid === main.pid);
  return procs.filter((p) => p === main || p === containerd || (containerd && p.ppid === containerd.pid));
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
  const lines = [`● ${unitName}.service - ${unit.description}`, `   Loaded: loaded (${unit.loaded})`];
  const [dir, ...files] = unit.dropIn;
  if (dir) lines.push(`  Drop-In: ${dir}`, ...files.map((f) => `           ${f}`));
  if (service === 'network') {
    const since = host.bootedAt;
    lines.push(
      `   Active: ${active ? 'active (exited)' : 'inactive (dead)'} since ${systemdTime(since, labEpoch(cluster))}; ${systemdAgo(now - since)}`,
    );
    io.out(lines.join('\n'));
    io.exit(active ? 0 : 3);
    return;
  }
  const loop = service === 'kubelet' && !host.joined ? loopingSince(host, now) : undefined;
  if (loop || (service === 'kubelet' && !host.joined)) {
    lines.push(
      ...unjoinedKubelet(host, now, loop, labEpoch(cluster)),
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
    `   Active: ${active ? 'active (running)' : 'inactive (dead)'} since ${systemdTime(since, labEpoch(cluster))}; ${systemdAgo(now - since)}`,
  );
  lines.push(`     Docs: ${unit.docs}`);
  const entries = journal(cluster, host, [service], now);
  if (active && (service === 'docker' || host.joined)) {
    const procs = cgroup(hostProcesses(cluster, host, now), service, rt);
    const main = procs[0];
    if (main) {
      lines.push(` Main PID: ${main.pid} (${unit.process})`);
      // Go programs run a dozen threads or so each; systemd counts tasks, not processes.
      lines.push(`    Tasks: ${procs.length * 9 + 8}`);
      lines.push(`   Memory: ${bytes(procs.reduce((n, p) => n + p.rssKib, 0))}`);
      lines.push(`   CGroup: /system.slice/${unitName}.service`);
      procs.forEach((p, i) => {
        const branch = i === procs.length - 1 ? '└─' : '├─';
        lines.push(ellipsize(`           ${branch}${p.pid} ${p.cmd}`, COLUMNS, 100));
      });
    }
  } else if (stopped !== undefined) {
    const pid = [...entries]
      .reverse()
      .find((e) => e.ident !== 'systemd[1]')
      ?.ident.replace(/^.*\[(\d+)\]$/, '$1');
    if (pid) {
      const exit = service === 'docker' ? rt.exitOnStop : EXIT_ON_STOP[service];
      lines.push(
        `  Process: ${pid} ExecStart=${service === 'docker' ? rt.execStart : EXEC_START[service]} (${exit})`,
      );
      lines.push(` Main PID: ${pid} (${exit})`);
    }
  }
  lines.push(...journalTail(cluster, host, service, now));
  io.out(lines.join('\n'));
  io.exit(active ? 0 : 3);
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
): string[] {
  const stoppedAt = lastStop(host, 'kubelet');
  const since = loop ? loop.lastExit : (stoppedAt ?? host.bootedAt);
  const pid = loopPid(host, loop ? loop.lastStart : (lastStartBefore(host, since) ?? host.bootedAt));
  return [
    `   Active: ${loop ? 'activating (auto-restart) (Result: exit-code)' : 'inactive (dead)'} since ${systemdTime(since, epochMs)}; ${systemdAgo(now - since)}`,
    `     Docs: ${UNITS.kubelet.docs}`,
    `  Process: ${pid} ExecStart=${EXEC_START.kubelet} (code=exited, status=255)`,
    ` Main PID: ${pid} (code=exited, status=255)`,
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
