// ps of procps-ng 3.3.10 (CentOS 7): -ef, aux and the bare form, over the host's process
// table. Lines are not cut to a terminal's width (as when piped, or with ww).
import type { CommandIO } from '../command';
import { defineCommand, fail, ok } from '../command';
import type { HostProcess } from '../host/hostProcesses';
import { hostProcesses } from '../host/hostProcesses';
import { labProfile } from '../labProfile';
import { labEpoch } from '../wallClock';

type Format = 'full' | 'bsd' | 'tty';

const USAGE = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).`;

interface Ps {
  readonly format: Format;
  readonly args: readonly string[];
}

export const ps = defineCommand<Ps>({
  name: 'ps',
  parse(args) {
    const format = formatOf(args);
    return format ? ok({ format, args }) : fail(`error: unsupported option (BSD syntax)\n${USAGE}`, 1);
  },
  run({ format, args }, io) {
    const world = io.shell.world;
    const host = world.cluster.host(io.shell.host);
    if (!host) return io.exit(1);
    const now = world.now();
    const procs = [
      ...hostProcesses(world.cluster, host, now),
      ...ownProcesses(io, ['ps', ...args], host.bootedAt, now),
    ];
    const epoch = labEpoch(world.cluster);
    const memTotal = labProfile(io.shell).node.memTotalKib[host.role === 'master' ? 'master' : 'worker'];
    if (format === 'tty') {
      const mine = procs.filter((p) => p.tty === 'pts/0');
      io.out(
        [
          '  PID TTY          TIME CMD',
          ...mine.map((p) => `${pad(p.pid, 5)} ${p.tty.padEnd(8)} ${clock(cpuSec(p, now))} ${comm(p.cmd)}`),
        ].join('\n'),
      );
      return io.exit(0);
    }
    const rows =
      format === 'full'
        ? [
            'UID        PID  PPID  C STIME TTY          TIME CMD',
            ...procs.map(
              (p) =>
                `${p.user.padEnd(8)} ${pad(p.pid, 5)} ${pad(p.ppid, 5)} ${pad(Math.floor(share(p, now) * 100), 2)} ${hhmm(p.startedAt, epoch)} ${p.tty.padEnd(8)} ${clock(cpuSec(p, now))} ${p.cmd}`,
            ),
          ]
        : [
            'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
            ...procs.map(
              (p) =>
                `${p.user.padEnd(8)} ${pad(p.pid, 5)} ${pad((share(p, now) * 100).toFixed(1), 4)} ${pad(((p.rssKib / memTotal) * 100).toFixed(1), 4)} ${pad(p.vszKib, 6)} ${pad(p.rssKib, 5)} ${p.tty.padEnd(8)} ${p.stat.padEnd(4)} ${hhmm(p.startedAt, epoch)} ${pad(minutes(cpuSec(p, now)), 6)} ${p.cmd}`,
            ),
          ];
    io.out(rows.join('\n'));
    io.exit(0);
  },
});

function formatOf(args: readonly string[]): Format | undefined {
  const letters = args.join('');
  if (args.length === 0) return 'tty';
  if (
    /^-?(aux|axu|uax|xau)$/.test(letters) ||
    (!letters.startsWith('-') && /^[aux]+$/.test(letters) && letters.includes('u'))
  )
    return 'bsd';
  const sysv = args.every((a) => a.startsWith('-')) ? args.map((a) => a.slice(1)).join('') : '';
  if (sysv && /^[efA]+$/.test(sysv) && sysv.includes('f')) return 'full';
  if (sysv && /^[eA]+$/.test(sysv)) return 'tty';
  return undefined;
}

/** The person's login (sshd, bash), ps itself and what runs beside it in its pipeline. */
function ownProcesses(io: CommandIO, argv: readonly string[], bootedAt: number, now: number): HostProcess[] {
  // The terminal's ssh session opened when the lab was handed over (or a minute after a reboot).
  const login = Math.min(now, Math.max(0, bootedAt + 60_000));
  const proc = (pid: number, ppid: number, cmd: string, tty: string, stat: string, startedAt: number) => ({
    pid,
    ppid,
    cmd,
    tty,
    stat,
    startedAt,
    user: 'root',
    cpu: 0,
    vszKib: 115_548,
    rssKib: 2_084,
  });
  const sshd = proc(9_312, 987, 'sshd: root@pts/0', '?', 'Ss', login);
  const bash = proc(9_316, 9_312, '-bash', 'pts/0', 'Ss', login);
  // The pipeline's commands are bash's children, with PIDs after every other process; grep is
  // CentOS's alias grep='grep --color=auto'.
  // Each line typed starts processes too, so later commands get later PIDs.
  const first = 20_000 + Math.floor(Math.max(0, now) / 2000) + io.shell.history.length * 2;
  const running = [argv, ...(io.siblings ?? [])].map((words, i) =>
    proc(
      first + i,
      bash.pid,
      (words[0] === 'grep' ? ['grep', '--color=auto', ...words.slice(1)] : words).join(' '),
      'pts/0',
      words[0] === 'ps' ? 'R+' : 'S+',
      now,
    ),
  );
  return [sshd, bash, ...running];
}

const pad = (v: number | string, w: number) => String(v).padStart(w);

function cpuSec(p: HostProcess, now: number): number {
  return Math.floor((p.cpu * Math.max(0, now - p.startedAt)) / 1000);
}

function share(p: HostProcess, now: number): number {
  const alive = Math.max(1, (now - p.startedAt) / 1000);
  return cpuSec(p, now) / alive;
}

const two = (n: number) => String(n).padStart(2, '0');

/** STIME/START: the hour and minute it started (the lab's hosts run in UTC). */
function hhmm(at: number, epochMs: number): string {
  const d = new Date(epochMs + Math.floor(at / 1000) * 1000);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

const clock = (s: number) => `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
const minutes = (s: number) => `${Math.floor(s / 60)}:${two(s % 60)}`;

/** The bare form shows the command's name (comm), without arguments or a login dash. */
function comm(cmd: string): string {
  return (cmd.split(' ')[0] as string).replace(/^-/, '').split('/').pop() as string;
}
