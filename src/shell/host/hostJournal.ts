// systemd's journal of this boot for the kubelet and docker units: what systemd says when it
// starts and stops them, what each program writes when it starts, and the kubelet's complaint
// every 5 s while docker is down. A pure function of the host's state and its service log,
// so journalctl -f can print each new line as cluster time reaches it.
import type { HostState, ServiceChange, SimCluster } from '../../sim/api';
import { plegUnhealthy } from '../../sim/components/kubeletStatus';
import { profileOf } from '../../sim/profiles';
import { STOP_MS, UNITS } from '../hostFacts';
import { labEpoch } from '../wallClock';
import { BOOT_PIDS, hostProcesses, loadOf, mainPid } from './hostProcesses';
import { joinedAt, loopEntries } from './kubeletLoop';
import { klog, logrusTime, shortTime, timespan } from './logFormats';
import type { RuntimeUnit } from './runtimeUnit';
import { runtimeUnit } from './runtimeUnit';

export type JournalUnit = 'kubelet' | 'docker';

export interface JournalEntry {
  /** Cluster time, in ms. */
  readonly at: number;
  readonly unit: JournalUnit;
  /** `systemd[1]`, `kubelet[1034]`, … */
  readonly ident: string;
  readonly message: string;
  /** systemd's catalog entry for -x. */
  readonly catalog?:
    | 'starting'
    | 'started'
    | 'stopping'
    | 'stopped'
    | 'restart'
    | 'exited'
    | 'failed'
    | 'deactivated'
    | 'consumed';
  /** An exited main process's status, for the catalog's text. */
  readonly exitStatus?: number;
  /** The job's identifier, for systemd 255's catalog (a start or stop job and its end share one). */
  readonly job?: number;
}

interface Run {
  readonly start: number;
  readonly end?: number;
  readonly pid: number;
}

/** The service's runs since boot, from its log of starts and stops. */
function runsOf(cluster: SimCluster, host: HostState, service: JournalUnit, now: number): Run[] {
  // Before kubeadm took it over, the kubelet only crash-looped (kubeletLoop.ts).
  const join = service === 'kubelet' ? joinedAt(host) : undefined;
  const looped = service === 'kubelet' && (join !== undefined || !host.joined);
  const log = host.serviceLog.filter(
    (c) => c.service === service && (!looped || (join !== undefined && c.at >= join)),
  );
  const first = log[0];
  // Before its first change the service ran since boot unless that change started it.
  const running = !looped && (first ? first.how !== 'start' : host.services[service] === 'active');
  const runs: { start: number; end?: number }[] = running ? [{ start: host.bootedAt }] : [];
  for (const c of log as ServiceChange[]) {
    const open = runs[runs.length - 1];
    if (c.how !== 'start' && open && open.end === undefined) open.end = c.at;
    if (c.how !== 'stop') runs.push({ start: c.at });
  }
  const current = service === 'docker' || host.joined ? mainPid(cluster, host, service, now) : undefined;
  return runs.map((r, i) => ({
    ...r,
    // The run going on now has the PID ps shows; earlier ones had the PID of their moment.
    pid:
      i === runs.length - 1 && r.end === undefined && current !== undefined
        ? current
        : runPid(host, r.start, service),
  }));
}

function runPid(host: HostState, start: number, service: JournalUnit): number {
  if (start === host.bootedAt) return BOOT_PIDS[service];
  return 1036 + Math.floor((start - host.bootedAt) / 2000);
}

export function journal(
  cluster: SimCluster,
  host: HostState,
  units: readonly JournalUnit[],
  now: number,
): JournalEntry[] {
  if (profileOf(cluster.options.profile).systemd !== 'v255') return entries(cluster, host, units, now);
  // 255's catalog names each job; the jobs are numbered over both units, whichever is shown.
  return withJobs(entries(cluster, host, ['kubelet', 'docker'], now)).filter((e) => units.includes(e.unit));
}

/**
 * The boot's jobs before the first one shown, and the numbering after it: systemd counts every
 * job of every unit; here only the lab's two units' jobs count (the lab's own figure).
 */
const FIRST_JOB = 121;

/** Each start and stop job its identifier: a job's begin and end lines share one. */
function withJobs(all: readonly JournalEntry[]): JournalEntry[] {
  let next = FIRST_JOB;
  const open = new Map<string, number>();
  return all.map((e) => {
    const kind = e.catalog === 'starting' || e.catalog === 'started' ? 'start' : 'stop';
    if (e.catalog === 'starting' || e.catalog === 'stopping') {
      open.set(`${e.unit}/${kind}`, next);
      return { ...e, job: next++ };
    }
    if (e.catalog === 'started' || e.catalog === 'stopped') {
      const key = `${e.unit}/${kind}`;
      const job = open.get(key) ?? next++;
      open.delete(key);
      return { ...e, job };
    }
    return e;
  });
}

function entries(
  cluster: SimCluster,
  host: HostState,
  units: readonly JournalUnit[],
  now: number,
): JournalEntry[] {
  const out: JournalEntry[] = [];
  const rt = runtimeUnit(cluster);
  const epoch = labEpoch(cluster);
  const { downAfterMs, plegThresholdMs } = profileOf(cluster.options.profile).runtime;
  const dockerRuns = runsOf(cluster, host, 'docker', now);
  for (const unit of units) {
    const description = unit === 'docker' ? rt.description : UNITS[unit].description;
    // systemd 250+ names the unit beside its description in its own lines.
    const v255 = profileOf(cluster.options.profile).systemd === 'v255';
    const text = v255 ? `${unit === 'docker' ? rt.name : unit}.service - ${description}` : description;
    const runs = runsOf(cluster, host, unit, now);
    if (unit === 'kubelet')
      out.push(...loopEntries(host, now, profileOf(cluster.options.profile), text, epoch));
    for (const run of runs) {
      const sys = (at: number, message: string, catalog: JournalEntry['catalog']) =>
        out.push({ at, unit, ident: 'systemd[1]', message, ...(catalog ? { catalog } : {}) });
      if (unit === 'docker') {
        // systemd finds the shims containerd's last run left in its cgroup (KillMode=process).
        if (run.start > host.bootedAt)
          for (const pid of leftShims(cluster, host, run.start, rt)) {
            sys(
              run.start,
              `${rt.name}.service: Found left-over process ${pid} (${SHIM_COMM}) in control group while starting unit. Ignoring.`,
              undefined,
            );
            sys(
              run.start,
              `${rt.name}.service: This usually indicates unclean termination of a previous run, or service implementation deficiencies.`,
              undefined,
            );
          }
        sys(run.start, `Starting ${text}...`, 'starting');
        const ident = `${rt.ident}[${run.pid}]`;
        rt.startLog.forEach(([level, rest], i) => {
          const at = run.start + 40 + i * 35;
          const message = `time="${logrusTime(at, i, epoch)}" level=${level} ${rest.replace('${CONTAINERD_PID}', String(run.pid + 13))}`;
          out.push({ at, unit, ident, message });
        });
        sys(run.start + 400, `Started ${text}.`, 'started');
      } else {
        sys(run.start, `Started ${text}.`, 'started');
        const ident = `kubelet[${run.pid}]`;
        profileOf(cluster.options.profile).kubelet.startLog.forEach(([where, msg], i) => {
          const at = run.start + 300 + i * 45;
          out.push({
            at,
            unit,
            ident,
            message: `${klog('I', at, run.pid, where, i, epoch)}${msg.replace('${HOST}', host.name)}`,
          });
        });
        out.push(
          ...noRuntime(
            run,
            dockerRuns,
            now,
            rt,
            { downAfterMs, plegThresholdMs, bootedAt: host.bootedAt },
            epoch,
          ),
        );
      }
      if (run.end !== undefined) {
        sys(run.end, `Stopping ${text}...`, 'stopping');
        if (unit === 'docker')
          for (const [level, rest] of rt.stopLog)
            out.push({
              at: run.end,
              unit,
              ident: `${rt.ident}[${run.pid}]`,
              message: `time="${logrusTime(run.end, 3, epoch)}" level=${level} ${rest}`,
            });
        if (unit === 'docker')
          for (const pid of leftShims(cluster, host, run.end, rt))
            sys(
              run.end + rt.stopMs,
              `${rt.name}.service: Unit process ${pid} (${SHIM_COMM}) remains running after unit stopped.`,
              undefined,
            );
        const stoppedAt = run.end + (unit === 'docker' ? rt.stopMs : STOP_MS[unit]);
        const name = `${unit === 'docker' ? rt.name : unit}.service`;
        // systemd 255: service_enter_dead's unit_log_success, then the stop job's end, then
        // unit_notify's unit_log_resources (CPU is mentioned from 1 s on; below it, no line).
        if (v255) sys(stoppedAt, `${name}: Deactivated successfully.`, 'deactivated');
        sys(stoppedAt, `Stopped ${text}.`, 'stopped');
        const cpu = loadOf(unit === 'docker' ? rt.main : rt.kubelet).cpu * (run.end - run.start);
        if (v255 && cpu >= 1000) sys(stoppedAt, `${name}: Consumed ${timespan(cpu)} CPU time.`, 'consumed');
      }
    }
  }
  return out.filter((e) => e.at <= now).sort((a, b) => a.at - b.at);
}

/** The kernel's name of containerd-shim-runc-v2 (comm keeps 15 characters), as systemd quotes it. */
const SHIM_COMM = 'containerd-shim';

/** The PIDs of the runtime's shims at `at`, when they outlive it (containerd's), else none. */
function leftShims(cluster: SimCluster, host: HostState, at: number, rt: RuntimeUnit): number[] {
  if (!profileOf(cluster.options.profile).runtime.containersOutliveService) return [];
  const exe = `${rt.shim('').split(' ')[0]} `;
  return hostProcesses(cluster, host, at)
    .filter((p) => p.cmd.startsWith(exe) && p.startedAt < at)
    .map((p) => p.pid);
}

/**
 * Every 5 s of a kubelet run that falls while the runtime is not running, what its status
 * check logs; once the last good check is `downAfterMs` old, the sync loop's "Skipping pod
 * synchronization" too (kubelet.go syncLoop, its back-off capped at 5 s).
 */
function noRuntime(
  run: Run,
  runtimeRuns: readonly Run[],
  now: number,
  rt: RuntimeUnit,
  timing: { readonly downAfterMs: number; readonly plegThresholdMs: number; readonly bootedAt: number },
  epoch: number,
): JournalEntry[] {
  const { downAfterMs, plegThresholdMs } = timing;
  const out: JournalEntry[] = [];
  const end = Math.min(run.end ?? now, now);
  const up = (t: number) => runtimeRuns.some((d) => d.start <= t && (d.end === undefined || t < d.end));
  const downSince = (t: number) =>
    runtimeRuns.filter((d) => d.end !== undefined && d.end <= t).at(-1)?.end ?? run.start;
  // The PLEG relists every second: each relist while the runtime is down fails.
  if (rt.kubeletRelistFails.length > 0)
    for (let t = run.start + 1000; t <= end; t += 1000) {
      if (up(t) || t % 5000 === run.start % 5000) continue;
      rt.kubeletRelistFails.forEach(([where, msg], i) => {
        out.push({
          at: t + i,
          unit: 'kubelet',
          ident: `kubelet[${run.pid}]`,
          message: `${klog('E', t + i, run.pid, where, 21 + i, epoch)}${msg}`,
        });
      });
    }
  for (let t = run.start + 5000; t <= end; t += 5000) {
    if (up(t)) continue;
    const lines = [...rt.kubeletRelistFails, ...rt.kubeletNoRuntime];
    if (downAfterMs > 0 && t - Math.max(downSince(t), run.start) >= downAfterMs) {
      // The last good relist: the whole second (from boot, as the node's status has it) before the stop.
      const stop = downSince(t);
      const pleg =
        stop > run.start
          ? plegUnhealthy(stop - ((stop - timing.bootedAt) % 1000), t, plegThresholdMs)
          : undefined;
      const err = pleg ? `[container runtime is down, ${pleg}]` : 'container runtime is down';
      lines.push(['kubelet.go:2525', `"Skipping pod synchronization" err="${err}"`]);
    }
    lines.forEach(([where, msg], i) => {
      out.push({
        at: t + i,
        unit: 'kubelet',
        ident: `kubelet[${run.pid}]`,
        message: `${klog('E', t + i, run.pid, where, 11 + i, epoch)}${msg}`,
      });
    });
  }
  return out;
}

/** One journal line as `journalctl` prints it; `epochMs` dates the lab's cluster time 0. */
export function journalLine(host: string, e: JournalEntry, epochMs?: number): string {
  return `${shortTime(e.at, epochMs)} ${host} ${e.ident}: ${e.message}`;
}

/**
 * systemd's catalog texts, shown by journalctl -x under its own lines; `runtime` names the
 * runtime's unit. 219's (CentOS 7) under `-- `; 255's (catalog/systemd.catalog.in) under `░░ `,
 * with Ubuntu's Support URL.
 */
export function catalogLines(e: JournalEntry, runtime: string, v255 = false): string[] {
  const unit = `${e.unit === 'docker' ? runtime : e.unit}.service`;
  if (v255) return catalog255(e, unit);
  const head = (subject: string) => [
    `-- Subject: Unit ${unit} ${subject}`,
    '-- Defined-By: systemd',
    '-- Support: http://lists.freedesktop.org/mailman/listinfo/systemd-devel',
    '-- ',
  ];
  switch (e.catalog) {
    case 'starting':
      return [...head('has begun start-up'), `-- Unit ${unit} has begun starting up.`];
    case 'started':
      return [
        ...head('has finished start-up'),
        `-- Unit ${unit} has finished starting up.`,
        '-- ',
        '-- The start-up result is done.',
      ];
    case 'stopping':
      return [...head('has begun shutting down'), `-- Unit ${unit} has begun shutting down.`];
    case 'stopped':
      return [...head('has finished shutting down'), `-- Unit ${unit} has finished shutting down.`];
    default:
      return [];
  }
}

/** Ubuntu builds its systemd with -Dsupport-url=http://www.ubuntu.com/support (Debian's is https://www.debian.org/support). */
const UBUNTU_SUPPORT = 'http://www.ubuntu.com/support';

function catalog255(e: JournalEntry, unit: string): string[] {
  // journalctl's print_catalog: each line after "░░ ", an empty one as "░░ " too.
  const text = (subject: string, ...body: string[]) =>
    [`Subject: ${subject}`, 'Defined-By: systemd', `Support: ${UBUNTU_SUPPORT}`, '', ...body].map(
      (l) => `░░ ${l}`,
    );
  const job = `The job identifier is ${e.job ?? FIRST_JOB}`;
  switch (e.catalog) {
    case 'starting':
      return text(
        `A start job for unit ${unit} has begun execution`,
        `A start job for unit ${unit} has begun execution.`,
        '',
        `${job}.`,
      );
    case 'started':
      return text(
        `A start job for unit ${unit} has finished successfully`,
        `A start job for unit ${unit} has finished successfully.`,
        '',
        `${job}.`,
      );
    case 'stopping':
      return text(
        `A stop job for unit ${unit} has begun execution`,
        `A stop job for unit ${unit} has begun execution.`,
        '',
        `${job}.`,
      );
    case 'stopped':
      return text(
        `A stop job for unit ${unit} has finished`,
        `A stop job for unit ${unit} has finished.`,
        '',
        `${job} and the job result is done.`,
      );
    case 'restart':
      return text(
        'Automatic restarting of a unit has been scheduled',
        `Automatic restarting of the unit ${unit} has been scheduled, as the result for`,
        'the configured Restart= setting for the unit.',
      );
    case 'exited':
      return text(
        'Unit process exited',
        `An ExecStart= process belonging to unit ${unit} has exited.`,
        '',
        `The process' exit code is 'exited' and its exit status is ${e.exitStatus ?? 1}.`,
      );
    case 'failed':
      return text('Unit failed', `The unit ${unit} has entered the 'failed' state with result 'exit-code'.`);
    case 'deactivated':
      return text('Unit succeeded', `The unit ${unit} has successfully entered the 'dead' state.`);
    case 'consumed':
      return text(
        'Resources consumed by unit runtime',
        `The unit ${unit} completed and consumed the indicated resources.`,
      );
    default:
      return [];
  }
}
