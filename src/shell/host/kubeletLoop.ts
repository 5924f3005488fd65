// The kubelet before kubeadm: install_pkg.sh enables and starts it, but until kubeadm init
// or join writes /var/lib/kubelet/config.yaml it exits at once with status 255, and systemd
// starts it again after the unit's RestartSec=10s, for as long as nobody stops it.
import type { HostState } from '../../sim/api';
import { KUBELET_NO_CONFIG, UNITS } from '../hostFacts';
import type { JournalEntry } from './hostJournal';
import { klog } from './logFormats';

/** From a start to its exit, then systemd's hold-off before the next start. */
const RUN_MS = 120;
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

export function loopEntries(host: HostState, now: number, epochMs?: number): JournalEntry[] {
  const out: JournalEntry[] = [];
  const text = UNITS.kubelet.description;
  const sys = (at: number, message: string, catalog?: JournalEntry['catalog']) =>
    out.push({ at, unit: 'kubelet', ident: 'systemd[1]', message, ...(catalog ? { catalog } : {}) });
  for (const loop of kubeletLoops(host, now)) {
    const end = Math.min(loop.end ?? now, now);
    for (let t = loop.start; t <= end; t += RUN_MS + RESTART_SEC_MS) {
      if (t > loop.start) {
        sys(t - 1, 'kubelet.service holdoff time over, scheduling restart.');
        sys(t - 1, `Stopped ${text}.`, 'stopped');
      }
      sys(t, `Started ${text}.`, 'started');
      const pid = loopPid(host, t);
      const [where, msg] = KUBELET_NO_CONFIG;
      const at = t + RUN_MS - 20;
      out.push({
        at,
        unit: 'kubelet',
        ident: `kubelet[${pid}]`,
        message: `${klog('F', at, pid, where, 5, epochMs)}${msg}`,
      });
      sys(t + RUN_MS, 'kubelet.service: main process exited, code=exited, status=255/n/a');
      sys(t + RUN_MS, 'Unit kubelet.service entered failed state.');
      sys(t + RUN_MS, 'kubelet.service failed.');
    }
    if (loop.end !== undefined && loop.end <= now && joinedAt(host) !== loop.end)
      sys(loop.end, `Stopped ${text}.`, 'stopped');
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
