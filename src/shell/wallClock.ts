// Cluster time shown as dates (describe, systemctl status, docker ps). The lab's
// clock starts at a fixed moment, so outputs repeat exactly; hosts run in UTC.

import type { SimCluster } from '../sim/api';
import { profileOf } from '../sim/profiles';
import { profile118 } from '../sim/profiles/v1_18';

/** Cluster time 0 of the book's 1.18 lab: its era (Kubernetes v1.18.4 was released 2020-06-17). */
export const LAB_EPOCH_MS = profile118.wallClockEpochMs;

/** Cluster time 0 of `cluster`'s lab as its profile dates it: 2020 for the book's, 2026 for the second edition's. */
export function labEpoch(cluster: Pick<SimCluster, 'options'>): number {
  return profileOf(cluster.options.profile).wallClockEpochMs;
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

function at(simMs: number, epochMs: number): Date {
  return new Date(epochMs + Math.floor(simMs / 1000) * 1000);
}

/** Go's RFC1123Z, as kubectl describe prints times: `Mon, 06 Jul 2020 01:00:00 +0000`. */
export function rfc1123z(simMs: number, epochMs = LAB_EPOCH_MS): string {
  const d = at(simMs, epochMs);
  return `${days[d.getUTCDay()]}, ${two(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** systemd's timestamp: `Mon 2020-07-06 01:00:00 UTC`. */
export function systemdTime(simMs: number, epochMs = LAB_EPOCH_MS): string {
  const d = at(simMs, epochMs);
  return `${days[d.getUTCDay()]} ${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC`;
}

/** systemd's "5min 3s ago". */
export function systemdAgo(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m}min ${s % 60}s ago` : `${m}min ago`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h}h ${m % 60}min ago` : `${h}h ago`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} days ${h % 24}h ago` : `${d} days ago`;
}

/** Docker's units.HumanDuration: "About a minute", "3 minutes", "2 hours". */
export function dockerDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(s / 60);
  if (m === 1) return 'About a minute';
  if (m < 60) return `${m} minutes`;
  const h = Math.round(s / 3600);
  if (h === 1) return 'About an hour';
  if (h < 48) return `${h} hours`;
  if (h < 24 * 7 * 2) return `${Math.floor(h / 24)} days`;
  if (h < 24 * 30 * 2) return `${Math.floor(h / 24 / 7)} weeks`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24 / 30)} months`;
  return `${Math.floor(h / 24 / 365)} years`;
}

/** nginx's $time_local: `06/Jul/2020:01:00:00 +0000`. */
export function nginxTime(simMs: number, epochMs = LAB_EPOCH_MS): string {
  const d = at(simMs, epochMs);
  return `${two(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}
