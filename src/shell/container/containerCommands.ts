// The programs of the lab's images, as a command table for the shell inside a
// container (and for kubectl exec's one-shot commands). Only what an image has is
// reachable: ContainerShell.exec refuses the rest as its shell does.
import type { CommandEntry, CommandIO } from '../command';
import { ok } from '../command';
import { clear, sleep } from '../commands/session';
import { grep, head, tail, wc } from '../commands/text';
import { runNetworkCommand } from '../kubectl/execNet';
import { labEpoch } from '../wallClock';
import type { ContainerShell } from './containerShell';
import { containerOf, ContainerShell as Inner, podHostname } from './containerShell';
import { etcdctl } from './etcdctl';
import { busyboxColumns, gnuColumns } from './lsColumns';
import { busyboxNslookup } from './nslookup';
import { busyboxPing } from './ping';

type Run = (args: readonly string[], io: CommandIO, sh: ContainerShell) => void;

function entry(name: string, run: Run): CommandEntry {
  return {
    name,
    parse: (args) => ok(args),
    run(args, io) {
      const sh = containerOf(io.shell);
      if (!sh) {
        io.err(`${name}: not in a container`);
        return io.exit(1);
      }
      run(args as readonly string[], io, sh);
    },
  };
}

const done = (io: CommandIO, lines: readonly string[], code = 0) => {
  if (lines.length > 0) io.out(lines.join('\n'));
  io.exit(code);
};

function listing(args: readonly string[], io: CommandIO, sh: ContainerShell) {
  const paths = args.filter((a) => !a.startsWith('-'));
  const err: string[] = [];
  const blocks: string[][] = [];
  for (const p of paths.length > 0 ? paths : ['.']) {
    const abs = sh.shell.resolve(p);
    if (sh.shell.fs.isDir(abs)) blocks.push(sh.shell.fs.list(abs));
    else if (sh.shell.fs.isFile(abs)) blocks.push([p]);
    else
      err.push(
        sh.target.contents.userland === 'busybox'
          ? `ls: ${p}: No such file or directory`
          : `ls: cannot access '${p}': No such file or directory`,
      );
  }
  for (const e of err) io.err(e);
  // ls prints in columns on a terminal, one name a line into a pipe (kubectl exec without -t).
  const columns = sh.target.contents.userland === 'busybox' ? busyboxColumns : gnuColumns;
  const lines = blocks.flatMap((names) => (sh.target.tty ? columns(names, 80) : names));
  done(io, lines, err.length > 0 ? (sh.target.contents.userland === 'busybox' ? 1 : 2) : 0);
}

function cat(args: readonly string[], io: CommandIO, sh: ContainerShell) {
  let code = 0;
  for (const a of args) {
    const abs = sh.shell.resolve(a);
    const text = sh.shell.fs.read(abs);
    // A terminal shows a file's last newline as the end of its last line.
    if (text !== undefined) io.out(text.endsWith('\n') ? text.slice(0, -1) : text);
    else {
      io.err(sh.shell.fs.isDir(abs) ? `cat: ${a}: Is a directory` : `cat: ${a}: No such file or directory`);
      code = 1;
    }
  }
  io.exit(code);
}

function cd(args: readonly string[], io: CommandIO, sh: ContainerShell) {
  const to = args[0] ?? sh.shell.vars.get('HOME') ?? '/';
  const abs = sh.shell.resolve(to);
  if (sh.shell.fs.isDir(abs)) {
    sh.shell.cwd = abs;
    return io.exit(0);
  }
  const busybox = sh.target.contents.userland === 'busybox';
  const why = sh.shell.fs.isFile(abs) ? 'Not a directory' : 'No such file or directory';
  if (busybox) io.err(`sh: cd: can't cd to ${to}: ${why}`);
  else if (sh.shellName === 'bash') io.err(`bash: cd: ${to}: ${why}`);
  else io.err(`sh: 1: cd: can't cd to ${to}`);
  io.exit(busybox || sh.shellName !== 'bash' ? 2 : 1);
}

function ps(_args: readonly string[], io: CommandIO, sh: ContainerShell) {
  const spec = sh.pod.spec.containers.find((c) => c.name === sh.target.container);
  const main =
    [
      ...(spec?.command ?? sh.target.image.entrypoint),
      ...(spec?.args ?? (spec?.command ? [] : sh.target.image.cmd)),
    ].join(' ') || 'sh';
  const lines = ['PID   USER     TIME  COMMAND', `    1 root      0:00 ${main}`];
  // kubectl exec starts a second process; kubectl run -it talks to PID 1 itself.
  const second = sh.target.shell && !sh.target.attached;
  if (second) lines.push(`    7 root      0:00 ${sh.target.shell}`);
  lines.push(`   ${second ? '13' : ' 7'} root      0:00 ps`);
  done(io, lines);
}

/** `exit [N]`: the shell kubectl started ends, and kubectl with it. */
function exit(args: readonly string[], io: CommandIO, sh: ContainerShell) {
  const code = Number(args[0] ?? sh.shell.lastExit) & 255;
  // An interactive bash says `exit` as it leaves; ash and dash say nothing.
  if (sh.shellName === 'bash' && sh.target.tty) io.err('exit');
  io.effects.leave = true;
  // kubectl run -it with restartPolicy Always does not wait for the container's exit code.
  if (sh.target.attached && sh.target.top) return sh.target.attached.onEnd(io);
  // kubectl reports the status of the process it started; a shell started inside it is not that one.
  if (code !== 0 && sh.target.top) io.err(`command terminated with exit code ${code}`);
  io.exit(code);
}

function uname(args: readonly string[], io: CommandIO, sh: ContainerShell) {
  const node = io.shell.world.cluster.nodes().find((n) => n.metadata.name === sh.pod.spec.nodeName);
  const kernel = node?.status.nodeInfo.kernelVersion ?? '';
  done(io, [args.includes('-r') ? kernel : 'Linux']);
}

/**
 * `sh -c LINE` runs LINE and ends; a bare `sh` typed in the container's shell starts
 * another shell on the same terminal (exit returns to the first).
 */
function shell(name: string): Run {
  return (args, io, sh) => {
    const child = new Inner(sh.host, sh.world, { ...sh.target, shell: name, top: false });
    child.shell.cwd = sh.shell.cwd;
    if (args[0] === '-c') {
      const job = child.run(args.slice(1).join(' '));
      for (const l of job.output) (l.stream === 'stdout' ? io.out : io.err)(l.text);
      job.onOutput((l) => (l.stream === 'stdout' ? io.out : io.err)(l.text));
      job.onDone((j) => io.exit(j.exitCode));
      return;
    }
    // Without kubectl -i it reads an empty stdin and ends at once.
    if (!sh.target.shell) return io.exit(0);
    io.effects.enterContainer = child;
    io.exit(0);
  };
}

function net(args: readonly string[], io: CommandIO, sh: ContainerShell, name: string) {
  runNetworkCommand(io, sh.pod, sh.target.image.kind, [name, ...args]);
}

/** `date` of GNU and busybox alike in the C locale: `Mon Jul  6 01:00:00 UTC 2020` (containers run in UTC). */
function date(_args: readonly string[], io: CommandIO, sh: ContainerShell) {
  const d = new Date(labEpoch(sh.world.cluster) + Math.floor(sh.world.now() / 1000) * 1000);
  const [wd, day, mon, year, time] = d.toUTCString().replace(',', '').split(' ') as string[];
  const month = `${mon} ${String(Number(day)).padStart(2, ' ')}`;
  done(io, [`${wd} ${month} ${time} UTC ${year}`]);
}

function printenv(args: readonly string[], io: CommandIO, sh: ContainerShell) {
  if (args.length === 0)
    return done(
      io,
      [...sh.shell.vars].map(([k, v]) => `${k}=${v}`),
    );
  const found = args.flatMap((a) => (sh.shell.vars.has(a) ? [sh.shell.vars.get(a) as string] : []));
  done(io, found, found.length === args.length ? 0 : 1);
}

const table: readonly CommandEntry[] = [
  entry('hostname', (a, io, sh) =>
    done(io, [a[0] === '-i' ? (sh.pod.status.podIP ?? '') : podHostname(sh.pod)]),
  ),
  entry('echo', (a, io) => done(io, [a.join(' ')])),
  entry('true', (_a, io) => io.exit(0)),
  entry('false', (_a, io) => io.exit(1)),
  entry('pwd', (_a, io, sh) => done(io, [sh.shell.cwd])),
  entry('id', (_a, io) => done(io, ['uid=0(root) gid=0(root) groups=0(root)'])),
  entry('whoami', (_a, io) => done(io, ['root'])),
  entry('env', (_a, io, sh) =>
    done(
      io,
      [...sh.shell.vars].map(([k, v]) => `${k}=${v}`),
    ),
  ),
  entry('nginx', (a, io, sh) => {
    if (a[0] === '-v') {
      io.err(`nginx version: nginx/${sh.target.image.nginxVersion ?? ''}`);
      return io.exit(0);
    }
    // The container's own nginx holds port 80: a second one tries five times, then gives up.
    const tries = Array(5).fill('nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)');
    io.err([...tries, 'nginx: [emerg] still could not bind()'].join('\n'));
    io.exit(1);
  }),
  entry('ls', listing),
  entry('cat', cat),
  entry('cd', cd),
  entry('ps', ps),
  entry('exit', exit),
  entry('uname', uname),
  entry('date', date),
  entry('printenv', printenv),
  clear,
  entry('curl', (a, io, sh) => net(a, io, sh, 'curl')),
  entry('wget', (a, io, sh) => net(a, io, sh, 'wget')),
  entry('nslookup', (a, io, sh) => busyboxNslookup(a, io, sh)),
  entry('ping', (a, io, sh) => busyboxPing(a, io, sh)),
  // GNU's and busybox's text tools print alike for what the lab's lessons use.
  sleep,
  // etcd's image carries its client (the hosts have none: etcdctl.ts).
  etcdctl,
  grep,
  head,
  tail,
  wc,
  entry('sh', shell('sh')),
  entry('bash', shell('bash')),
];

export const containerCommands: ReadonlyMap<string, CommandEntry> = new Map(table.map((e) => [e.name, e]));
