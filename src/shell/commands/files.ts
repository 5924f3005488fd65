// Files and directories: cd, pwd, ls, cat, mkdir, cp, mv, rm, chown. `mv` of a
// control-plane manifest out of /etc/kubernetes/manifests (and back) is how
// kubeadm clusters stop (and start) a static pod, so it reaches the cluster.
import type { ControlPlaneManifest } from '../../sim/inputs';
import type { CommandEntry, CommandIO, HostShell } from '../command';
import { defineCommand, fail, ok } from '../command';
import { FileSystem } from '../fs';
import { HOME, MANIFESTS_DIR } from '../labFiles';
import { labProfile } from '../labProfile';

interface Operands {
  readonly opts: Set<string>;
  readonly paths: string[];
}

/** `-rf` style options (letters) and operands. */
function operands(args: readonly string[]): Operands {
  const opts = new Set<string>();
  const paths: string[] = [];
  for (const a of args) {
    if (a.startsWith('-') && a.length > 1) for (const c of a.slice(1)) opts.add(c);
    else paths.push(a);
  }
  return { opts, paths };
}

const done = (io: CommandIO, code: number) => io.exit(code);

export const cd = defineCommand<string>({
  name: 'cd',
  parse: (args) => ok(args[0] ?? HOME),
  run(path, io) {
    const target = io.shell.resolve(path);
    if (!io.shell.fs.exists(target)) {
      io.err(`-bash: cd: ${path}: No such file or directory`);
      return done(io, 1);
    }
    if (!io.shell.fs.isDir(target)) {
      io.err(`-bash: cd: ${path}: Not a directory`);
      return done(io, 1);
    }
    io.shell.cwd = target;
    io.shell.vars.set('PWD', target);
    done(io, 0);
  },
});

export const pwd = defineCommand<null>({
  name: 'pwd',
  parse: () => ok(null),
  run(_, io) {
    io.out(io.shell.cwd);
    done(io, 0);
  },
});

/**
 * A file name in a coreutils error, as the lab's coreutils quotes it (the profile's
 * coreutilsQuoting): 8.22's ls leaves it bare and its other tools use the locale's ‘…’;
 * 8.25+ quote it as a shell would, '…' ("…" around a name with a quote in it).
 */
function quoted(io: CommandIO, name: string, tool: 'ls' | 'other'): string {
  if (labProfile(io.shell).coreutilsQuoting === 'locale') return tool === 'ls' ? name : `‘${name}’`;
  return name.includes("'") ? `"${name}"` : `'${name}'`;
}

export const ls = defineCommand<Operands>({
  name: 'ls',
  parse: (args) => ok(operands(args)),
  run({ opts, paths }, io) {
    const fs = io.shell.fs;
    let code = 0;
    const targets = paths.length === 0 ? ['.'] : paths;
    const blocks: string[] = [];
    for (const p of targets) {
      const abs = io.shell.resolve(p);
      if (!fs.exists(abs)) {
        io.err(`ls: cannot access ${quoted(io, p, 'ls')}: No such file or directory`);
        code = 2;
        continue;
      }
      const names = fs.isDir(abs) ? fs.list(abs).filter((n) => opts.has('a') || !n.startsWith('.')) : [p];
      const shown = opts.has('a') && fs.isDir(abs) ? ['.', '..', ...names] : names;
      const body = opts.has('l')
        ? [
            `total ${shown.length * 4}`,
            ...shown.map((n) => longLine(fs, fs.isDir(abs) ? `${abs}/${n}` : abs, n)),
          ].join('\n')
        : shown.join('  ');
      blocks.push(targets.length > 1 && fs.isDir(abs) ? `${p}:\n${body}` : body);
    }
    const text = blocks.filter((b) => b !== '').join('\n\n');
    if (text !== '') io.out(text);
    done(io, code);
  },
});

function longLine(fs: FileSystem, path: string, name: string): string {
  const dir = fs.isDir(path) || name === '.' || name === '..';
  const size = dir ? 4096 : (fs.read(path) ?? '').length;
  return `${dir ? 'drwxr-xr-x' : '-rw-r--r--'}. ${dir ? 2 : 1} root root ${String(size).padStart(5)} Jul  6 01:00 ${name}`;
}

export const cat = defineCommand<string[]>({
  name: 'cat',
  parse: (args) => ok([...args]),
  run(paths, io) {
    let code = 0;
    if (paths.length === 0) {
      io.stdin.read(
        (line) => io.out(line),
        () => done(io, 0),
      );
      return;
    }
    for (const p of paths) {
      const abs = io.shell.resolve(p);
      const text = io.shell.fs.read(abs);
      if (text === undefined) {
        io.err(`cat: ${p}: ${io.shell.fs.isDir(abs) ? 'Is a directory' : 'No such file or directory'}`);
        code = 1;
      } else if (text !== '') io.out(text.endsWith('\n') ? text.slice(0, -1) : text);
    }
    done(io, code);
  },
});

export const mkdir = defineCommand<Operands>({
  name: 'mkdir',
  parse: (args) => {
    const o = operands(args);
    return o.paths.length === 0
      ? fail("mkdir: missing operand\nTry 'mkdir --help' for more information.")
      : ok(o);
  },
  run({ opts, paths }, io) {
    const fs = io.shell.fs;
    let code = 0;
    for (const p of paths) {
      const abs = io.shell.resolve(p);
      if (fs.exists(abs)) {
        if (!opts.has('p')) {
          io.err(`mkdir: cannot create directory ${quoted(io, p, 'other')}: File exists`);
          code = 1;
        }
      } else if (!opts.has('p') && !fs.isDir(FileSystem.dirname(abs))) {
        io.err(`mkdir: cannot create directory ${quoted(io, p, 'other')}: No such file or directory`);
        code = 1;
      } else fs.mkdirs(abs);
    }
    done(io, code);
  },
});

/** Where `cp a b` / `mv a b` puts a: into b when b is a directory. */
function destination(shell: HostShell, src: string, dst: string): string {
  const abs = shell.resolve(dst);
  return shell.fs.isDir(abs) ? `${abs === '/' ? '' : abs}/${FileSystem.basename(src)}` : abs;
}

function copyOrMove(name: 'cp' | 'mv'): CommandEntry {
  return defineCommand<Operands>({
    name,
    parse: (args) => {
      const o = operands(args);
      if (o.paths.length === 0)
        return fail(`${name}: missing file operand\nTry '${name} --help' for more information.`);
      if (o.paths.length === 1)
        return fail(
          `${name}: missing destination file operand after ‘${o.paths[0]}’\nTry '${name} --help' for more information.`,
        );
      return ok(o);
    },
    run({ opts, paths }, io) {
      const fs = io.shell.fs;
      const dst = paths[paths.length - 1] as string;
      let code = 0;
      for (const src of paths.slice(0, -1)) {
        const from = io.shell.resolve(src);
        if (!fs.exists(from)) {
          io.err(`${name}: cannot stat ${quoted(io, src, 'other')}: No such file or directory`);
          code = 1;
          continue;
        }
        if (name === 'cp' && fs.isDir(from) && !opts.has('r') && !opts.has('R') && !opts.has('a')) {
          io.err(
            labProfile(io.shell).coreutilsQuoting === 'locale'
              ? `cp: omitting directory ‘${src}’`
              : // coreutils 8.30+ says why (copy.c: "-r not specified; omitting directory %s").
                `cp: -r not specified; omitting directory ${quoted(io, src, 'other')}`,
          );
          code = 1;
          continue;
        }
        const to = destination(io.shell, src, dst);
        if (!fs.isDir(FileSystem.dirname(to))) {
          io.err(
            `${name}: cannot create regular file ${quoted(io, dst, 'other')}: No such file or directory`,
          );
          code = 1;
          continue;
        }
        if (name === 'cp' && opts.has('i') && fs.isFile(to)) {
          // Nobody answers the prompt in the lab; cp reads "no" and leaves the file alone.
          io.out(`cp: overwrite ${quoted(io, to, 'other')}? `);
          continue;
        }
        if (name === 'mv') {
          fs.move(from, to);
          manifestMoved(io, from, to);
        } else if (fs.isDir(from)) {
          for (const f of fs.list(from)) fs.write(`${to}/${f}`, fs.read(`${from}/${f}`) ?? '');
          fs.mkdirs(to);
        } else fs.write(to, fs.read(from) ?? '');
      }
      done(io, code);
    },
  });
}

const controlPlane: readonly ControlPlaneManifest[] = [
  'kube-apiserver',
  'etcd',
  'kube-scheduler',
  'kube-controller-manager',
];

function manifestOf(path: string): ControlPlaneManifest | undefined {
  if (FileSystem.dirname(path) !== MANIFESTS_DIR) return undefined;
  return controlPlane.find((m) => FileSystem.basename(path) === `${m}.yaml`);
}

/** The kubelet watches the manifests folder: a static pod's file leaving or coming back. */
function manifestMoved(io: CommandIO, from: string, to: string): void {
  const cluster = io.shell.world.cluster;
  if (cluster.host(io.shell.host)?.role !== 'master') return;
  const out = manifestOf(from);
  const back = manifestOf(to);
  if (out && !back) cluster.dispatch({ type: 'manifest.remove', manifest: out });
  if (back && !out) cluster.dispatch({ type: 'manifest.restore', manifest: back });
}

export const cp = copyOrMove('cp');
export const mv = copyOrMove('mv');

export const rm = defineCommand<Operands>({
  name: 'rm',
  parse: (args) => {
    const o = operands(args);
    return o.paths.length === 0 ? fail("rm: missing operand\nTry 'rm --help' for more information.") : ok(o);
  },
  run({ opts, paths }, io) {
    let code = 0;
    for (const p of paths) {
      const abs = io.shell.resolve(p);
      if (!io.shell.fs.exists(abs)) {
        if (!opts.has('f')) {
          io.err(`rm: cannot remove ${quoted(io, p, 'other')}: No such file or directory`);
          code = 1;
        }
      } else if (io.shell.fs.isDir(abs) && !opts.has('r') && !opts.has('R')) {
        io.err(`rm: cannot remove ${quoted(io, p, 'other')}: Is a directory`);
        code = 1;
      } else {
        manifestMoved(io, abs, '/dev/null');
        io.shell.fs.remove(abs);
      }
    }
    done(io, code);
  },
});

export const chown = defineCommand<Operands>({
  name: 'chown',
  parse: (args) => ok(operands(args)),
  run({ paths }, io) {
    for (const p of paths.slice(1)) {
      if (!io.shell.fs.exists(io.shell.resolve(p))) {
        io.err(`chown: cannot access ${quoted(io, p, 'other')}: No such file or directory`);
        return done(io, 1);
      }
    }
    done(io, 0);
  },
});
