// kubectl exec POD [-c C] [-i] [-t] -- CMD: the API server upgrades the connection to
// the pod's kubelet (port 10250), which has docker run CMD in the container. A
// one-shot command prints and ends; `-it … sh|bash` leaves the terminal talking to
// that shell (JobEffects.enterContainer) until it exits. What CMD finds is the
// container's own world (src/shell/container).
import { lookupImage } from '../../sim/images';
import type { Pod } from '../../sim/objects';
import type { CommandIO } from '../command';
import { ContainerShell } from '../container/containerShell';
import { contentsOf } from '../container/imageContents';
import { isTerminal } from '../shell';
import { apiError, send } from './client';
import type { KubectlContext, Verb } from './context';
import { failWith } from './context';
import { flagString } from './flags';

const notFound = (cmd: string) =>
  `rpc error: code = 2 desc = oci runtime error: exec failed: container_linux.go:247: starting container process caused "exec: \\"${cmd}\\": executable file not found in $PATH"`;

/** Why the kubelet cannot run anything in the container now, as kubectl prints it. */
function refusal(ctx: KubectlContext, pod: Pod, container: string): string | undefined {
  const node = pod.spec.nodeName ?? '';
  // The master's kubelet runs the control plane's static pods and CoreDNS: it is the host's service.
  const host = ctx.io.shell.world.cluster.host(node);
  const kubeletUp = !!host?.powered && !host.booting && host.services.kubelet === 'active';
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed')
    return `error: cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`;
  if (!node || !kubeletUp)
    return node
      ? `Error from server: error dialing backend: dial tcp ${pod.status.hostIP ?? ''}:10250: connect: connection refused`
      : 'error: unable to upgrade connection: pod does not exist';
  const st = pod.status.containerStatuses.find((c) => c.name === container);
  if (!st || !('running' in st.state))
    return `error: unable to upgrade connection: container not found ("${container}")`;
  return undefined;
}

/** kubectl's own io for the remote process: a non-zero exit is reported as kubectl reports it. */
function remoteIo(io: CommandIO, inside: ContainerShell, onExit: (code: number) => void): CommandIO {
  return {
    ...io,
    shell: inside.shell,
    exit: (code) => {
      if (code !== 0) io.err(`command terminated with exit code ${code}`);
      onExit(code);
    },
  };
}

function execIn(ctx: KubectlContext, pod: Pod, container: string, argv: readonly string[]) {
  const why = refusal(ctx, pod, container);
  if (why) return failWith(ctx, why);
  const io = ctx.io;
  const spec = pod.spec.containers.find((c) => c.name === container);
  const image = lookupImage(spec?.image ?? '');
  const contents = image.ok ? contentsOf(image.image) : undefined;
  const [cmd0 = ''] = argv;
  const cmd = cmd0.replace(/^\/(usr\/)?s?bin\//, '');
  if (!image.ok || !contents?.programs.includes(cmd)) {
    io.err(notFound(cmd0));
    io.err('command terminated with exit code 126');
    return io.exit(126);
  }
  const stdin = ctx.flags.values.has('stdin');
  let tty = ctx.flags.values.has('tty') && stdin;
  // kubectl's SetupTTY: -t needs -i, and a terminal on kubectl's side.
  if (tty && !isTerminal(io.stdin)) {
    io.err('Unable to use a TTY - input is not a terminal or the right kind of file');
    tty = false;
  }
  // A shell reads its commands from kubectl's stdin (-i); without one it reads nothing and ends.
  const shellName = stdin && contents.shells.includes(cmd) ? cmd : undefined;
  const interactive = shellName !== undefined && !argv.includes('-c');
  const target = {
    pod,
    container,
    image: image.image,
    contents,
    tty,
    ...(shellName ? { shell: shellName } : {}),
    top: interactive && isTerminal(io.stdin),
  };
  const inside = new ContainerShell(io.shell.host, io.shell.world, target);
  if (interactive) {
    if (isTerminal(io.stdin)) {
      io.effects.enterContainer = inside;
      return io.exit(0);
    }
    // Piped into kubectl: the shell runs the lines it is given, without a prompt.
    const lines: string[] = [];
    io.stdin.read(
      (l) => lines.push(l),
      () => runLines(inside, lines, io),
    );
    return;
  }
  inside.exec(
    argv,
    remoteIo(io, inside, (code) => io.exit(code)),
  );
}

/** A shell fed from a pipe: each line in turn, until the input ends or `exit`. */
function runLines(inside: ContainerShell, lines: readonly string[], io: CommandIO) {
  const end = (code: number) => {
    if (code !== 0) io.err(`command terminated with exit code ${code}`);
    io.exit(code);
  };
  const next = (i: number) => {
    const line = lines[i];
    if (line === undefined) return end(inside.shell.lastExit);
    const job = inside.run(line);
    job.onOutput((l) => (l.stream === 'stdout' ? io.out(l.text) : io.err(l.text)));
    for (const l of job.output) (l.stream === 'stdout' ? io.out : io.err)(l.text);
    job.onDone((j) => (j.effects.leave ? end(j.exitCode) : next(i + 1)));
  };
  next(0);
}

export const execVerb: Verb = {
  name: 'exec',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
  ],
  run(ctx) {
    const [name, ...argv] = ctx.args;
    if (!name)
      return failWith(
        ctx,
        "error: expected 'exec (POD | TYPE/NAME) COMMAND [ARG1] [ARG2] ... [ARGN]'.\nPOD or TYPE/NAME is a required argument for the exec command\nSee 'kubectl exec -h' for help and examples",
      );
    // 1.18's Complete(): a command without `--` still runs, with a warning (its doubled "kubectl" is 1.18's).
    if (argv.length > 0 && !ctx.argv.includes('--'))
      ctx.io.err(
        'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl kubectl exec [POD] -- [COMMAND] instead.',
      );
    if (argv.length === 0)
      return failWith(ctx, 'error: you must specify at least one command for the container');
    const podName = name.replace(/^(pods?|po)\//, '');
    send(
      ctx.io,
      ctx.server,
      { verb: 'get', resource: 'pods', namespace: ctx.namespace, name: podName },
      (res) => {
        if (!res.ok) return failWith(ctx, apiError(res, ctx.server));
        const pod = res.object;
        if (pod?.kind !== 'Pod')
          return failWith(ctx, `Error from server (NotFound): pods "${podName}" not found`);
        const names = pod.spec.containers.map((c) => c.name);
        const chosen = flagString(ctx.flags, 'container');
        const container = chosen ?? names[0] ?? '';
        if (
          chosen === undefined &&
          names.length > 1 &&
          pod.status.phase !== 'Succeeded' &&
          pod.status.phase !== 'Failed'
        )
          ctx.io.err(
            `Defaulting container name to ${container}.\nUse 'kubectl describe pod/${podName} -n ${ctx.namespace}' to see all of the containers in this pod.`,
          );
        if (!names.includes(container))
          return failWith(
            ctx,
            `Error from server (BadRequest): container ${container} is not valid for pod ${podName}`,
          );
        execIn(ctx, pod, container, argv);
      },
    );
  },
};
