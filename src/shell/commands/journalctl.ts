// journalctl of systemd 219 (or 255, the profile's `systemd`): -u UNIT, -n N, -f, -x, -e,
// --no-pager (the terminal has no pager: every form prints as --no-pager does). The journal
// is volatile on CentOS 7, so it begins at this boot. 219 heads its output with the
// journal's span, `-- Logs begin at …`; Debian 12's 252 and Ubuntu 24.04's 255 print none.
import type { CommandIO } from '../command';
import { defineCommand, fail, ok } from '../command';
import type { JournalEntry, JournalUnit } from '../host/hostJournal';
import { catalogLines, journal, journalLine } from '../host/hostJournal';
import { runtimeUnit } from '../host/runtimeUnit';
import { labProfile } from '../labProfile';
import { labEpoch, systemdTime } from '../wallClock';

interface Journalctl {
  readonly units: readonly string[];
  readonly lines?: number;
  readonly follow: boolean;
  readonly explain: boolean;
}

/** The kernel's first line comes this long before the boot's services start. */
const KERNEL_BEFORE_MS = 16_000;

/** `-u kubelet`, or the runtime's unit by its name on this lab (docker or containerd). */
function unitOf(name: string, runtime: string): JournalUnit | undefined {
  const base = name.replace(/\.service$/, '');
  return base === 'kubelet' ? base : base === runtime ? 'docker' : undefined;
}

export const journalctl = defineCommand<Journalctl>({
  name: 'journalctl',
  parse(args) {
    const units: string[] = [];
    let lines: number | undefined;
    let follow = false;
    let explain = false;
    let end = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      const value = () => args[++i];
      if (a === '--no-pager' || a === '-l' || a === '--full' || a === '-q' || a === '--quiet') continue;
      if (a === '-f' || a === '--follow') follow = true;
      else if (a.startsWith('--unit=')) units.push(a.slice(7));
      else if (a === '--unit') units.push(value() ?? '');
      else if (a.startsWith('--lines=')) lines = Number(a.slice(8));
      else if (a === '--lines') lines = Number(value());
      else if (/^-[a-z]+/.test(a) && !a.startsWith('--')) {
        // Short options combine: -xeu kubelet, -fu docker, -n20.
        for (let j = 1; j < a.length; j++) {
          const c = a[j] as string;
          const rest = a.slice(j + 1);
          if (c === 'x') explain = true;
          else if (c === 'e') end = true;
          else if (c === 'f') follow = true;
          else if (c === 'l' || c === 'q') continue;
          else if (c === 'u' || c === 'n') {
            const v = rest || value();
            if (v === undefined) return fail(`journalctl: option requires an argument -- '${c}'`);
            if (c === 'u') units.push(v);
            else lines = Number(v);
            break;
          } else return fail(`journalctl: invalid option -- '${c}'`);
        }
      } else return fail(`Failed to add match '${a}': Invalid argument`);
    }
    if (lines !== undefined && (!Number.isInteger(lines) || lines < 0))
      return fail('Failed to parse lines: Invalid argument');
    // -e jumps to the end: the pager would open on the last 1000 lines.
    const n = lines ?? (end ? 1000 : follow ? 10 : undefined);
    return ok({ units, ...(n !== undefined ? { lines: n } : {}), follow, explain });
  },
  run(cmd, io) {
    const world = io.shell.world;
    const host = world.cluster.host(io.shell.host);
    if (!host) return io.exit(1);
    const runtime = runtimeUnit(world.cluster).name;
    const wanted = cmd.units.map((u) => unitOf(u, runtime)).filter((u): u is JournalUnit => u !== undefined);
    // Other units' lines are not modelled; asking for them alone shows nothing.
    const known = cmd.units.length === 0 ? (['kubelet', 'docker'] as JournalUnit[]) : wanted;
    const read = () => journal(world.cluster, host, known, world.now());
    const epoch = labEpoch(world.cluster);
    const begins = systemdTime(host.bootedAt - KERNEL_BEFORE_MS, epoch);
    const now = world.now();
    const first = read();
    const shown = cmd.lines === undefined ? first : first.slice(Math.max(0, first.length - cmd.lines));
    const v255 = labProfile(io.shell).systemd === 'v255';
    if (!v255)
      io.out(
        cmd.follow
          ? `-- Logs begin at ${begins}. --`
          : `-- Logs begin at ${begins}, end at ${systemdTime(now, epoch)}. --`,
      );
    if (shown.length === 0 && !cmd.follow) io.out('-- No entries --');
    print(io, host.name, shown, cmd.explain, runtime, epoch, v255);
    if (!cmd.follow) return io.exit(0);
    // -f: new lines as they are written, until Ctrl+C.
    let seen = first.length;
    let cancel = () => {};
    const poll = () => {
      // The host as it is now: its log is replaced, not grown in place, as the lab changes.
      const all = journal(world.cluster, world.cluster.host(host.name) ?? host, known, world.now());
      print(io, host.name, all.slice(seen), cmd.explain, runtime, epoch, v255);
      seen = all.length;
      cancel = world.after(1000, poll);
    };
    cancel = world.after(1000, poll);
    io.onInterrupt(() => cancel());
  },
});

function print(
  io: CommandIO,
  host: string,
  entries: readonly JournalEntry[],
  explain: boolean,
  runtime: string,
  epoch: number,
  v255: boolean,
): void {
  for (const e of entries) {
    io.out(journalLine(host, e, epoch));
    if (explain) for (const l of catalogLines(e, runtime, v255)) io.out(l);
  }
}
