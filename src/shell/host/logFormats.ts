// The log lines' own clocks: journalctl's short time, klog's header and logrus's time=.
import { LAB_EPOCH_MS } from '../wallClock';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');
const wall = (ms: number, epochMs: number) => new Date(epochMs + ms);

/** journalctl's short format: `Jul 06 00:30:00`. */
export function shortTime(ms: number, epochMs = LAB_EPOCH_MS): string {
  const d = wall(ms, epochMs);
  return `${months[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** Sub-second digits that look like a real log's and repeat for the same moment. */
function micros(ms: number, salt: number): number {
  const base = (((ms % 1000) + 1000) % 1000) * 1000;
  // The microseconds below the line's own millisecond, so later lines never read earlier
  // (they did when the spread ran over the rest of the second: .999476, then .052395).
  const spread = (((salt * 7919 + Math.floor(ms / 1000) * 104_729) % 1000) + 1000) % 1000;
  return base + spread;
}

/** klog's header: `I0706 00:30:00.512345    1034 server.go:417] `. */
export function klog(
  level: 'I' | 'E' | 'F',
  at: number,
  pid: number,
  where: string,
  salt: number,
  epochMs = LAB_EPOCH_MS,
): string {
  const d = wall(at, epochMs);
  return `${level}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(micros(at, salt)).padStart(6, '0')} ${String(pid).padStart(7)} ${where}] `;
}

/** logrus's time="2020-07-06T00:30:00.412345678Z". */
export function logrusTime(at: number, salt: number, epochMs = LAB_EPOCH_MS): string {
  const d = wall(at, epochMs);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(micros(at, salt)).padStart(6, '0')}${String((salt * 37) % 1000).padStart(3, '0')}Z`;
}

/** systemd's format_timespan to the millisecond: `345ms`, `2.345s`, `1min 2.345s`, `1h 33min 55.104s`. */
export function timespan(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const h = Math.floor(ms / 3_600_000);
  const min = Math.floor((ms % 3_600_000) / 60_000);
  const sec = ((ms % 60_000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  const parts = [h > 0 ? `${h}h` : '', min > 0 ? `${min}min` : '', sec !== '0' ? `${sec}s` : ''];
  return parts.filter(Boolean).join(' ');
}
