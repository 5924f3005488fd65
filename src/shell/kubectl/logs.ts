// kubectl logs [-f] [-p] POD [-c CONTAINER] [--tail N] [--since D]: the API server
// asks the pod's kubelet (port 10250) for the container's log, as kubectl 1.18 does.
import type { LogEntry } from '../../sim/api';
import type { Pod } from '../../sim/objects';
import { labEpoch, nginxTime } from '../wallClock';
import { apiError, send } from './client';
import type { KubectlContext, Verb } from './context';
import { failWith } from './context';
import { flagString } from './flags';

const USAGE =
  "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples";

/** nginx's "main" log_format. */
/** `epochMs` dates the lab's cluster time 0 (nginx's access log writes the wall clock). */
export function logText(e: LogEntry, epochMs?: number): string {
  const a = e.access;
  if (!a) return e.text ?? '';
  return `${a.remote} - - [${nginxTime(e.at, epochMs)}] "${a.request}" ${a.status} ${a.bytes} "-" "${a.agent}" "-"`;
}

/** Go durations as --since takes them: 10s, 5m, 1h30m. */
function sinceMs(text: string): number | undefined {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (!m || text === '') return undefined;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
}

/** The kubelet's validateContainerLogStatus, for a container that has nothing to show. */
export function notStarted(pod: Pod, name: string, previous: boolean): string | undefined {
  const st = pod.status.containerStatuses.find((c) => c.name === name);
  const podName = pod.metadata.name;
  if (previous) {
    return st?.lastState && 'terminated' in st.lastState
      ? undefined
      : `previous terminated container "${name}" in pod "${podName}" not found`;
  }
  if (st && ('running' in st.state || 'terminated' in st.state)) return undefined;
  if (st?.lastState && 'terminated' in st.lastState) return undefined;
  const reason = st && 'waiting' in st.state ? st.state.waiting.reason : 'ContainerCreating';
  const why =
    reason === 'ErrImagePull'
      ? "image can't be pulled"
      : reason === 'ImagePullBackOff'
        ? 'trying and failing to pull image'
        : reason;
  return `container "${name}" in pod "${podName}" is waiting to start: ${why}`;
}

function printLogs(ctx: KubectlContext, pod: Pod, container: string) {
  const previous = ctx.flags.values.has('previous');
  const follow = ctx.flags.values.has('follow');
  const tail = Number(flagString(ctx.flags, 'tail') ?? '-1');
  const since = flagString(ctx.flags, 'since');
  const sinceWindow = since === undefined ? undefined : sinceMs(since);
  if (since !== undefined && sinceWindow === undefined)
    return failWith(ctx, `invalid argument "${since}" for "--since" flag: time: invalid duration ${since}`);
  const bad = notStarted(pod, container, previous);
  if (bad) return failWith(ctx, `Error from server (BadRequest): ${bad}`);
  const node = pod.spec.nodeName ?? '';
  const world = ctx.io.shell.world;
  const read = () => world.cluster.containerLogs(node, pod.metadata.uid, container, previous);
  const first = read();
  if (!first.ok) {
    if (first.error === 'kubelet') {
      const ip = pod.status.hostIP ?? '';
      const ns = pod.metadata.namespace ?? 'default';
      return failWith(
        ctx,
        `Error from server: Get https://${ip}:10250/containerLogs/${ns}/${pod.metadata.name}/${container}: dial tcp ${ip}:10250: connect: connection refused`,
      );
    }
    return ctx.io.exit(0);
  }
  const from = sinceWindow === undefined ? -Infinity : world.now() - sinceWindow;
  let shown = first.entries.filter((e) => e.at >= from);
  if (tail >= 0) shown = shown.slice(Math.max(0, shown.length - tail));
  for (const e of shown)
    (e.stream === 'stderr' ? ctx.io.err : ctx.io.out)(logText(e, labEpoch(world.cluster)));
  if (!follow || !first.running) return ctx.io.exit(0);
  // -f: the kubelet streams what the container writes, until it ends or Ctrl+C.
  let seen = first.entries.length;
  let cancel = () => {};
  const poll = () => {
    const r = read();
    if (!r.ok) return ctx.io.exit(0);
    for (const e of r.entries.slice(seen))
      (e.stream === 'stderr' ? ctx.io.err : ctx.io.out)(logText(e, labEpoch(world.cluster)));
    seen = r.entries.length;
    if (!r.running) return ctx.io.exit(0);
    cancel = world.after(1000, poll);
  };
  cancel = world.after(1000, poll);
  ctx.io.onInterrupt(() => cancel());
}

export const logsVerb: Verb = {
  name: 'logs',
  flags: [
    { name: 'follow', short: 'f', type: 'bool' },
    { name: 'previous', short: 'p', type: 'bool' },
    { name: 'container', short: 'c', type: 'string' },
    { name: 'tail', type: 'int' },
    { name: 'since', type: 'string' },
    { name: 'timestamps', type: 'bool' },
  ],
  run(ctx) {
    const arg = ctx.args[0];
    if (!arg) return failWith(ctx, USAGE);
    const name = arg.replace(/^(pods?|po)\//, '');
    send(ctx.io, ctx.server, { verb: 'get', resource: 'pods', namespace: ctx.namespace, name }, (res) => {
      if (!res.ok) return failWith(ctx, apiError(res, ctx.server));
      const pod = res.object;
      if (pod?.kind !== 'Pod') return failWith(ctx, `Error from server (NotFound): pods "${name}" not found`);
      const names = pod.spec.containers.map((c) => c.name);
      const wanted = flagString(ctx.flags, 'container') ?? ctx.args[1];
      if (wanted === undefined && names.length > 1)
        return failWith(
          ctx,
          `error: a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`,
        );
      const container = wanted ?? names[0] ?? '';
      if (!names.includes(container))
        return failWith(
          ctx,
          `Error from server (BadRequest): container ${container} is not valid for pod ${name}`,
        );
      printLogs(ctx, pod, container);
    });
  },
};
