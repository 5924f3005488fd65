// kubectl run NAME --image=IMAGE [-- ARGS]: the run-pod/v1 generator's pod (1.18's only
// one), or attached to it with -it --rm (runAttach.ts).
import type { KubeObject } from '../../sim/objects';
import { newMeta, podObject } from '../manifest';
import { apiError, send } from './client';
import type { KubectlContext, Verb } from './context';
import { failWith, missingRequiredFlag, outputFlag } from './context';
import { createAll, createError, createRequest, recorded } from './create';
import { changeCause, dryRunFlag, printClientObject, readDryRun, recordFlag, runPodWire } from './dryRun';
import { flagBool, flagString } from './flags';
import type { AttachPlan } from './runAttach';
import { attachable, attachToPod, attachUsage } from './runAttach';
import { createExposed, exposedService, printExposedDryRun } from './runExpose';

/** kubectl run -it: the pod is created without a word, then kubectl attaches to it. */
function createThenAttach(ctx: KubectlContext, obj: KubeObject, plan: AttachPlan) {
  send(ctx.io, ctx.server, createRequest(obj), (res) => {
    if (res.ok) return attachToPod(ctx, plan);
    failWith(
      ctx,
      res.reason === 'ConnectionRefused' ? apiError(res, ctx.server) : createError(ctx, res, undefined),
    );
  });
}

export const runVerb: Verb = {
  name: 'run',
  flags: [
    { name: 'image', type: 'string' },
    { name: 'port', type: 'string' },
    { name: 'restart', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    dryRunFlag,
    recordFlag,
    // Deprecated in 1.18 (pflag prints the notice and the pod is created anyway).
    { name: 'replicas', short: 'r', type: 'int' },
    { name: 'generator', type: 'string' },
    { name: 'command', type: 'bool' },
    { name: 'env', type: 'strings' },
    { name: 'image-pull-policy', type: 'string' },
    outputFlag,
    // Attaching to the new pod's container (runAttach.ts): -it --rm with a shell only.
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'rm', type: 'bool' },
    // A ClusterIP Service for the pod (runExpose.ts).
    { name: 'expose', type: 'bool' },
  ],
  run(ctx) {
    // run marks --image required: cobra refuses before the command looks at its NAME.
    if (!ctx.flags.values.has('image')) return missingRequiredFlag(ctx, 'image');
    const name = ctx.args[0];
    if (!name)
      return failWith(ctx, "error: NAME is required for run\nSee 'kubectl run -h' for help and examples");
    const image = flagString(ctx.flags, 'image');
    // run.go Run: an empty --image= passes cobra's check.
    if (!image) return failWith(ctx, 'error: --image is required');
    const expose = flagBool(ctx.flags, 'expose');
    if (expose && !flagString(ctx.flags, 'port'))
      return failWith(
        ctx,
        "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples",
      );
    const restart = flagString(ctx.flags, 'restart') ?? 'Always';
    if (!['Always', 'OnFailure', 'Never'].includes(restart))
      return failWith(
        ctx,
        `error: invalid restart policy: ${restart}\nSee 'kubectl run -h' for help and examples`,
      );
    const rest = ctx.args.slice(1);
    const plan = { name, image, args: rest, command: ctx.flags.values.has('command'), restart };
    const attach = ['stdin', 'tty', 'attach', 'rm'].some((f) => ctx.flags.values.has(f));
    if (attach) {
      const why = attachUsage(ctx);
      if (why) return failWith(ctx, `error: ${why}\nSee 'kubectl run -h' for help and examples`);
      if (!attachable(ctx, plan))
        return failWith(
          ctx,
          'error: podscope: kubectl run -i/-t/--rm is simulated only as -it --rm NAME --image=IMAGE -- sh (a shell of the image, --restart=Always); run the pod, then kubectl exec -it POD -- sh',
        );
    }
    const pull = flagString(ctx.flags, 'image-pull-policy');
    const portText = flagString(ctx.flags, 'port');
    const port = portText ? Number.parseInt(portText, 10) : undefined;
    const container = {
      name,
      image,
      ...(rest.length > 0 ? (ctx.flags.values.has('command') ? { command: rest } : { args: rest }) : {}),
      ...(pull ? { imagePullPolicy: pull } : {}),
      ...(port ? { ports: [{ containerPort: port }] } : {}),
    };
    // --labels replaces the generator's default run=<name> (generate.ParseLabels in 1.18).
    const labelSpec = flagString(ctx.flags, 'labels');
    const labels: Record<string, string> = {};
    if (labelSpec) {
      for (const spec of labelSpec.split(',')) {
        const kv = spec.split('=');
        if (kv.length !== 2) return failWith(ctx, `error: unexpected label spec: ${spec}`);
        if (!kv[0]) return failWith(ctx, 'error: unexpected empty label key');
        labels[kv[0]] = kv[1] as string;
      }
    } else labels.run = name;
    // pflag's notice for a flag marked deprecated, printed as it is parsed.
    for (const f of ['replicas', 'generator'])
      if (ctx.flags.values.has(f))
        ctx.io.err(`Flag --${f} has been deprecated, has no effect and will be removed in the future.`);
    const d = readDryRun(ctx);
    if (!d.ok) return failWith(ctx, d.error);
    if (d.dryRun === 'client') {
      const ns = flagString(ctx.flags, 'namespace');
      const env = (ctx.flags.values.get('env') ?? []).map((e) => {
        const at = e.indexOf('=');
        return { name: at < 0 ? e : e.slice(0, at), value: at < 0 ? '' : e.slice(at + 1) };
      });
      const wire = runPodWire(
        ctx,
        {
          name,
          image,
          ...(rest.length > 0 ? (ctx.flags.values.has('command') ? { command: rest } : { args: rest }) : {}),
          ...(port ? { ports: [{ containerPort: port }] } : {}),
          ...(env.length > 0 ? { env } : {}),
          ...(pull ? { imagePullPolicy: pull } : {}),
        },
        labels,
        restart,
        ns,
        flagBool(ctx.flags, 'record')
          ? { 'kubernetes.io/change-cause': changeCause(ctx, runVerb.flags) }
          : undefined,
      );
      if (expose && port) return printExposedDryRun(ctx, exposedService(ctx, name, port, labels), wire, name);
      const printed = printClientObject(ctx, wire, `pod/${name}`);
      return printed.ok ? ctx.io.exit(0) : failWith(ctx, printed.error);
    }
    // The generator's BasicPod: stdin kept open (closed after the first attach) and a terminal.
    const obj = podObject(newMeta(name, ctx.namespace, { labels }), {
      containers: [attach ? { ...container, stdin: true, stdinOnce: true, tty: true } : container],
      restartPolicy: restart,
    });
    if (attach) return createThenAttach(ctx, recorded(ctx, obj, runVerb.flags), plan);
    if (expose && port)
      return createExposed(
        ctx,
        recorded(ctx, obj, runVerb.flags),
        exposedService(ctx, name, port, labels),
        d.dryRun,
      );
    createAll(ctx, [{ obj, source: '' }], runVerb.flags);
  },
};
