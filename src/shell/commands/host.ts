// uname and kubelet --version: what the book's CentOS 7.8 box and its kubelet 1.18.4 say.
import { defineCommand, fail, ok } from '../command';
import { labProfile } from '../labProfile';

/** The kernel of CentOS 7.8.2003 with its updates, as the nodes report it (kubectl get nodes -o wide). */
export const KERNEL = '3.10.0-1127.19.1.el7.x86_64';

export const uname = defineCommand<string>({
  name: 'uname',
  parse(args) {
    const flags = args.join('');
    if (args.some((a) => !/^-[asnrvmpio]+$/.test(a)))
      return fail(
        `uname: invalid option -- '${(args.find((a) => !a.startsWith('-')) ?? args[0] ?? '').replace(/^-/, '')}'\nTry 'uname --help' for more information.`,
      );
    return ok(flags || '-s');
  },
  run(flags, io) {
    const host = io.shell.host;
    const parts: Record<string, string> = {
      s: 'Linux',
      n: host,
      r: KERNEL,
      v: '#1 SMP Fri Aug 7 20:37:47 UTC 2020',
      m: 'x86_64',
      p: 'x86_64',
      i: 'x86_64',
      o: 'GNU/Linux',
    };
    const order = flags.includes('a')
      ? 'snrvmpio'
      : 'snrvmpio'
          .split('')
          .filter((c) => flags.includes(c))
          .join('');
    io.out(
      order
        .split('')
        .map((c) => parts[c])
        .join(' '),
    );
    io.exit(0);
  },
});

export const kubelet = defineCommand<'version' | 'run'>({
  name: 'kubelet',
  parse(args) {
    if (args.includes('--version')) return ok('version');
    return ok('run');
  },
  run(what, io) {
    if (what === 'version') {
      io.out(`Kubernetes ${labProfile(io.shell).kubernetesVersion}`);
      return io.exit(0);
    }
    io.err('kubelet: podscope: running the kubelet by hand is not simulated in this lab; use systemctl');
    io.exit(1);
  },
});
