// Moving between hosts and waiting: ssh, exit, scp (the admin.conf copy of
// k8s-facts §1.5), sleep, timeout, plus clear, history and sudo.
import type { CommandIO } from '../command';
import { defineCommand, fail, ok } from '../command';
import { FileSystem } from '../fs';

function unreachable(io: CommandIO, target: string): string | undefined {
  const host = io.shell.world.resolveHost(target);
  if (!host) return `ssh: Could not resolve hostname ${target}: Name or service not known`;
  const state = io.shell.world.cluster.host(host);
  if (!state?.powered) return `ssh: connect to host ${target} port 22: No route to host`;
  if (state.booting) return `ssh: connect to host ${target} port 22: Connection refused`;
  return undefined;
}

export const ssh = defineCommand<string>({
  name: 'ssh',
  parse(args) {
    const target = args.find((a) => !a.startsWith('-'));
    if (!target)
      return fail(
        'usage: ssh [-1246AaCfGgKkMNnqsTtVvXxYy] [-b bind_address] [-c cipher_spec]\n           [-D [bind_address:]port] [-E log_file] [-e escape_char]\n           [-F configfile] [-I pkcs11] [-i identity_file]\n           [user@]hostname [command]',
        255,
      );
    return ok(target.replace(/^[^@]*@/, ''));
  },
  run(target, io) {
    const problem = unreachable(io, target);
    if (problem) {
      io.err(problem);
      return io.exit(255);
    }
    io.effects.enter = io.shell.world.resolveHost(target);
    io.exit(0);
  },
});

export const exit = defineCommand<null>({
  name: 'exit',
  parse: () => ok(null),
  run(_, io) {
    io.out('logout');
    // Leaving an ssh session: the client on the other side reports the closed connection.
    if (io.shell.vars.has('SSH_CLIENT')) io.out(`Connection to ${io.shell.host} closed.`);
    io.effects.leave = true;
    io.exit(0);
  },
});

export const logout = { ...exit, name: 'logout' };

interface Remote {
  readonly host: string | undefined;
  readonly path: string;
  readonly shown: string;
}

function remote(spec: string): Remote {
  const m = /^(?:[^@:/]+@)?([^:/]+):(.*)$/.exec(spec);
  return m ? { host: m[1], path: m[2] || '.', shown: spec } : { host: undefined, path: spec, shown: spec };
}

export const scp = defineCommand<{ from: Remote; to: Remote }>({
  name: 'scp',
  parse(args) {
    const paths = args.filter((a) => !a.startsWith('-'));
    if (paths.length < 2)
      return fail(
        'usage: scp [-12346BCpqrv] [-c cipher] [-F ssh_config] [-i identity_file]\n           [-l limit] [-o ssh_option] [-P port] [-S program]\n           [[user@]host1:]file1 ... [[user@]host2:]file2',
        1,
      );
    return ok({ from: remote(paths[0] as string), to: remote(paths[paths.length - 1] as string) });
  },
  run({ from, to }, io) {
    const world = io.shell.world;
    const side = (r: Remote) => {
      if (r.host === undefined) return { shell: io.shell, error: undefined };
      const problem = unreachable(io, r.host);
      const host = world.resolveHost(r.host);
      return { shell: host ? world.shellOf(host) : undefined, error: problem, host: r.host };
    };
    const src = side(from);
    const dst = side(to);
    const remoteHost = from.host ?? to.host;
    if (src.error || dst.error || !src.shell || !dst.shell) {
      io.err(`${src.error ?? dst.error ?? 'ssh: connect failed'}\nlost connection`);
      return io.exit(1);
    }
    if (remoteHost) io.out(`root@${remoteHost}'s password: `);
    const srcPath = from.host ? FileSystem.resolve('/root', from.path) : io.shell.resolve(from.path);
    const text = src.shell.fs.read(srcPath);
    if (text === undefined) {
      io.err(`scp: ${from.path}: No such file or directory`);
      return io.exit(1);
    }
    const dstBase = to.host ? FileSystem.resolve('/root', to.path) : io.shell.resolve(to.path);
    const target = dst.shell.fs.isDir(dstBase)
      ? `${dstBase === '/' ? '' : dstBase}/${FileSystem.basename(srcPath)}`
      : dstBase;
    dst.shell.fs.write(target, text);
    const name = FileSystem.basename(srcPath);
    io.out(
      `${name.padEnd(80)}100% ${String(text.length).padStart(4)}     ${(text.length / 1024 / 1.2).toFixed(1)}KB/s   00:00`,
    );
    io.exit(0);
  },
});

/** `sleep 10`, `sleep 1m`: GNU sleep's suffixes. */
function seconds(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text);
  if (!m) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

export const sleep = defineCommand<number>({
  name: 'sleep',
  parse(args) {
    if (args.length === 0) return fail("sleep: missing operand\nTry 'sleep --help' for more information.");
    let total = 0;
    for (const a of args) {
      const s = seconds(a);
      if (s === undefined)
        return fail(`sleep: invalid time interval ‘${a}’\nTry 'sleep --help' for more information.`);
      total += s;
    }
    return ok(total);
  },
  run(secs, io) {
    io.effects.waitsMs = Math.max(io.effects.waitsMs ?? 0, secs * 1000);
    const cancel = io.shell.world.after(secs * 1000, () => io.exit(0));
    io.onInterrupt(cancel);
  },
});

export const timeout = defineCommand<{ secs: number; words: string[] }>({
  name: 'timeout',
  parse(args) {
    const [limit, ...words] = args;
    if (limit === undefined)
      return fail("timeout: missing operand\nTry 'timeout --help' for more information.", 125);
    const secs = seconds(limit);
    if (secs === undefined)
      return fail(
        `timeout: invalid time interval ‘${limit}’\nTry 'timeout --help' for more information.`,
        125,
      );
    if (words.length === 0)
      return fail("timeout: missing operand\nTry 'timeout --help' for more information.", 125);
    return ok({ secs, words });
  },
  run({ secs, words }, io) {
    const inner: (() => void)[] = [];
    let over = false;
    const stop = io.shell.world.after(secs * 1000, () => {
      over = true;
      for (const c of inner.splice(0)) c();
      io.exit(124);
    });
    io.onInterrupt(() => {
      stop();
      for (const c of inner.splice(0)) c();
    });
    io.shell.exec(words, {
      ...io,
      onInterrupt: (c) => inner.push(c),
      exit: (code) => {
        if (over) return;
        stop();
        io.exit(code);
      },
    });
  },
});

export const sudo = defineCommand<string[]>({
  name: 'sudo',
  parse: (args) => ok(args.filter((a, i) => !(i === 0 && a.startsWith('-')))),
  run(words, io) {
    io.shell.exec(words, io);
  },
});

export const clear = defineCommand<null>({
  name: 'clear',
  parse: () => ok(null),
  run(_, io) {
    io.effects.clearScreen = true;
    io.exit(0);
  },
});

export const history = defineCommand<null>({
  name: 'history',
  parse: () => ok(null),
  run(_, io) {
    io.out(io.shell.history.map((l, i) => `${String(i + 1).padStart(5)}  ${l}`).join('\n'));
    io.exit(0);
  },
});

const constant = (name: string, code: number, text?: string) =>
  defineCommand<null>({
    name,
    parse: () => ok(null),
    run(_, io) {
      if (text !== undefined) io.out(text);
      io.exit(code);
    },
  });

export const trueCommand = constant('true', 0);
export const falseCommand = constant('false', 1);
export const whoami = constant('whoami', 0, 'root');

export const exportCommand = defineCommand<[string, string][]>({
  name: 'export',
  parse: (args) =>
    ok(
      args
        .filter((a) => a.includes('='))
        .map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]),
    ),
  run(pairs, io) {
    for (const [k, v] of pairs) io.shell.vars.set(k, v);
    io.exit(0);
  },
});
