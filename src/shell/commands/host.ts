// uname and kubelet --version: what the lab's box and its kubelet say (CentOS 7.8 and
// 1.18.4 in the book's lab, Ubuntu 24.04 and 1.36.0 in the second edition's: the profile's).
import { defineCommand, fail, ok } from '../command';
import { labProfile } from '../labProfile';

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
    // The kernel the nodes report too (kubectl get nodes -o wide's KERNEL-VERSION).
    const { node } = labProfile(io.shell);
    const parts: Record<string, string> = {
      s: 'Linux',
      n: host,
      r: node.software.kernelVersion,
      v: node.kernelBuild,
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
