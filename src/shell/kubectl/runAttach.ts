// kubectl run -it --rm NAME --image=IMG -- sh (kubectl 1.18.4 pkg/cmd/run/run.go): the pod
// is created with its container's stdin kept open and a terminal (stdin, stdinOnce, tty),
// so its shell waits instead of reading an empty stdin; kubectl watches the pod until it
// is Running and Ready, says "If you don't see a command prompt, try pressing enter."
// (attach.go) and the terminal talks to that shell. When the session ends, attach prints
// how to resume it (restartPolicy Always), and --rm deletes the pod without waiting.
import { argvOf } from '../../sim/containerProcess';
import { lookupImage } from '../../sim/images';
import type { Pod } from '../../sim/objects';
import type { CommandIO } from '../command';
import { ContainerShell } from '../container/containerShell';
import { contentsOf } from '../container/imageContents';
import { isTerminal } from '../shell';
import { send } from './client';
import type { KubectlContext } from './context';
import { readDryRun } from './dryRun';

/** How often the lab looks at the pod while kubectl's watch waits for it (cluster time). */
const WATCH_STEP_MS = 500;

export interface AttachPlan {
  readonly name: string;
  readonly image: string;
  readonly args: readonly string[];
  readonly command: boolean;
  readonly restart: string;
}

/** run.go's usage errors for attaching, in the order it checks them. */
export function attachUsage(ctx: KubectlContext): string | undefined {
  const f = ctx.flags.values;
  const attach = f.has('attach') || f.has('stdin');
  if (f.has('tty') && !f.has('stdin')) return '-i/--stdin is required for containers with -t/--tty=true';
  if (f.has('rm') && !attach) return '--rm should only be used for attached containers';
  const d = readDryRun(ctx);
  if (attach && d.ok && d.dryRun !== 'none')
    return "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)";
  return undefined;
}

/**
 * Whether the lab can attach this run: -i, -t and --rm, restartPolicy Always, and a container
 * whose process is a shell of its image (what `sh` then reads is typed at the terminal).
 */
export function attachable(ctx: KubectlContext, plan: AttachPlan): boolean {
  const f = ctx.flags.values;
  if (!f.has('stdin') || !f.has('tty') || !f.has('rm') || plan.restart !== 'Always') return false;
  if (!isTerminal(ctx.io.stdin)) return false;
  const found = lookupImage(plan.image);
  const contents = found.ok ? contentsOf(found.image) : undefined;
  if (!found.ok || !contents) return false;
  const spec = plan.command ? { command: [...plan.args] } : { args: [...plan.args] };
  const argv = argvOf(found.image, spec);
  const exe = (argv[0] ?? '').replace(/^\/(usr\/)?s?bin\//, '');
  return argv.length === 1 && contents.shells.includes(exe);
}

function ready(p: Pod): boolean {
  return (
    p.status.phase === 'Running' && p.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True')
  );
}

/** After the pod was created: wait for it, then hand the terminal to its shell. */
export function attachToPod(ctx: KubectlContext, plan: AttachPlan): void {
  const io = ctx.io;
  const cluster = io.shell.world.cluster;
  const look = () => {
    const pod = cluster.pod(ctx.namespace, plan.name);
    if (!pod || !ready(pod)) {
      io.onInterrupt(io.shell.world.after(WATCH_STEP_MS, look));
      return;
    }
    const found = lookupImage(plan.image);
    const contents = found.ok ? contentsOf(found.image) : undefined;
    if (!found.ok || !contents) return io.exit(1);
    const argv = argvOf(found.image, plan.command ? { command: [...plan.args] } : { args: [...plan.args] });
    const shell = (argv[0] ?? 'sh').replace(/^\/(usr\/)?s?bin\//, '');
    io.err("If you don't see a command prompt, try pressing enter.");
    const inside = new ContainerShell(io.shell.host, io.shell.world, {
      pod,
      container: plan.name,
      image: found.image,
      contents,
      tty: true,
      shell,
      top: true,
      attached: { onEnd: (end) => sessionEnded(ctx, plan, end) },
    });
    io.effects.enterContainer = inside;
    io.exit(0);
  };
  look();
}

/** The attached shell exited: attach's resume hint, then --rm's delete (not waited for). */
function sessionEnded(ctx: KubectlContext, plan: AttachPlan, end: CommandIO): void {
  end.out(
    `Session ended, resume using 'kubectl attach ${plan.name} -c ${plan.name} -i -t' command when the pod is running`,
  );
  const req = { verb: 'delete', resource: 'pods', namespace: ctx.namespace, name: plan.name } as const;
  send(end, ctx.server, req, (res) => {
    if (res.ok) end.out(`pod "${plan.name}" deleted`);
    end.exit(0);
  });
}
