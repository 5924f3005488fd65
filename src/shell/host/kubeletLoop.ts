// The kubelet before kubeadm: install_pkg.sh enables and starts it, but until kubeadm init
// or join writes /var/lib/kubelet/config.yaml it exits at once (status 255 in 1.18, 1 in
// 1.36: the profile's kubelet.noConfig), and systemd starts it again after the unit's
// RestartSec=10s, for as long as nobody stops it. systemd 219 and 255 say so differently.
import type { HostState } from '../../sim/api';
import type { Profile } from '../../sim/profiles';
import type { JournalEntry } from './hostJournal';
import { klog } from './logFormats';

/** From a start to its exit, then systemd's hold-off before the next start. */
const RUN_MS = 120;
export const LOOP_RUN_MS = RUN_MS;

/** The CPU one config-less run uses, in ms: reading flags and failing (66 ms and 105 ms in real runs). */
export const loopCpuMs = (pid: number) => 60 + ((pid * 37) % 45);
const RESTART_SEC_MS = 10_000;

export interface Loop {
  readonly start: number;
  readonly end?: number;
}

/** When kubeadm took the kubelet over on this host, or undefined (never, or before this boot). */
export function joinedAt(host: HostState): number | undefined {
  return host.serviceLog.find((c) => c.service === 'kubelet' && c.by === 'kubeadm')?.at;
}

/** Whether the kubelet crash-looped during this boot: the host was not joined when it booted. */
function loopedThisBoot(host: HostState): boolean {
  return !host.joined || joinedAt(host) !== undefined;
}

/** The periods in which systemd kept restarting the config-less kubelet. */
export function kubeletLoops(host: HostState, now: number): Loop[] {
  if (!loopedThisBoot(host)) return [];
  const until = joinedAt(host) ?? now;
  const loops: { start: number; end?: number }[] = [{ start: host.bootedAt }];
  for (const c of host.serviceLog) {
    if (c.service !== 'kubelet' || c.at >= until || c.by) continue;
    const open = loops[loops.length - 1];
    if (c.how === 'stop' && open && open.end === undefined) open.end = c.at;
    if (c.how !== 'stop' && (!open || open.end !== undefined)) loops.push({ start: c.at });
  }
  const last = loops[loops.length - 1];
  if (last && last.end === undefined && joinedAt(host) !== undefined) last.end = until;
  return loops;
}

/** The PID of the kubelet started at `at` (each restart is a new process). */
export const loopPid = (host: HostState, at: number) => 1036 + Math.floor((at - host.bootedAt) / 2000);

export function loopEntries(
  host: HostState,
  now: number,
  profile: Profile,
  unitText: string,
  epochMs?: number,
): JournalEntry[] {
  const out: JournalEntry[] = [];
  const v255 = profile.systemd === 'v255';
  const { level, where, message, exitStatus } = profile.kubelet.noConfig;
  const sys = (at: number, text: string, catalog?: JournalEntry['catalog'], extra?: Partial<JournalEntry>) =>
    out.push({
      at,
      unit: 'kubelet',
      ident: 'systemd[1]',
      message: text,
      ...(catalog ? { catalog } : {}),
      ...extra,
    });
  for (const loop of kubeletLoops(host, now)) {
    const end = Math.min(loop.end ?? now, now);
    let restarts = 0;
    for (let t = loop.start; t <= end; t += RUN_MS + RESTART_SEC_MS) {
      if (t > loop.start) {
        restarts++;
        if (v255) {
          // service.c service_enter_restart (254+): a start job is queued in the auto-restart-queued
          // state, so no "Stopped" comes between the restart and the next start.
          sys(t - 1, `kubelet.service: Scheduled restart job, restart counter is at ${restarts}.`, 'restart');
        } else {
          sys(t - 1, 'kubelet.service holdoff time over, scheduling restart.');
          sys(t - 1, `Stopped ${unitText}.`, 'stopped');
        }
      }
      sys(t, `Started ${unitText}.`, 'started');
      const pid = loopPid(host, t);
      // systemd 254+ warns, from the forked child, of $KUBELET_KUBEADM_ARGS: kubeadm-flags.env,
      // which sets it, is written by kubeadm.
      if (v255)
        out.push({
          at: t,
          unit: 'kubelet',
          ident: `(kubelet)[${pid}]`,
          message:
            'kubelet.service: Referenced but unset environment variable evaluates to an empty string: KUBELET_KUBEADM_ARGS',
        });
      const at = t + RUN_MS - 20;
      out.push({
        at,
        unit: 'kubelet',
        ident: `kubelet[${pid}]`,
        message: `${klog(level, at, pid, where, 5, epochMs)}${message}`,
      });
      if (v255) {
        // service.c service_sigchld_event, unit.c unit_log_failure.
        sys(
          t + RUN_MS,
          `kubelet.service: Main process exited, code=exited, status=${exitStatus}/FAILURE`,
          'exited',
          {
            exitStatus,
          },
        );
        sys(t + RUN_MS, "kubelet.service: Failed with result 'exit-code'.", 'failed');
      } else {
        sys(t + RUN_MS, `kubelet.service: main process exited, code=exited, status=${exitStatus}/n/a`);
        sys(t + RUN_MS, 'Unit kubelet.service entered failed state.');
        sys(t + RUN_MS, 'kubelet.service failed.');
      }
    }
    if (loop.end !== undefined && loop.end <= now && joinedAt(host) !== loop.end)
      sys(loop.end, `Stopped ${unitText}.`, 'stopped');
  }
  return out.filter((e) => e.at <= now);
}

/** The last start of the loop going on now, or undefined when the kubelet is not looping. */
export function loopingSince(
  host: HostState,
  now: number,
): { lastStart: number; lastExit: number } | undefined {
  const open = kubeletLoops(host, now).find((l) => l.end === undefined);
  if (!open) return undefined;
  const period = RUN_MS + RESTART_SEC_MS;
  const lastStart = open.start + Math.floor((now - open.start) / period) * period;
  return { lastStart, lastExit: Math.min(now, lastStart + RUN_MS) };
}
