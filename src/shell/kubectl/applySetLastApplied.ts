// kubectl apply set-last-applied -f FILE (kubectl 1.18.4 pkg/cmd/apply/apply_set_last_applied.go,
// the same file in 1.20.2; editor.GetApplyPatch): Validate reads every object first and
// prints `no changes required` for those whose saved text is already the file's; an error
// there stops before anything is patched. The text is the file's object as encodeToJSON
// writes it (keys sorted, a final newline, no annotations map added), sent as a merge patch
// of the annotation alone.
import type { KubeObject } from '../../sim/objects';
import { namespaced } from '../../sim/objects';
import type { ApiRequest } from '../../sim/protocol';
import { apiError, send } from './client';
import type { KubectlContext, Verb } from './context';
import { failWith, filenameFlag } from './context';
import { labelOf } from './create';
import { dryRunFlag, dryRunSuffix, readDryRun } from './dryRun';
import type { FileObject } from './files';
import { loadFiles, withStdin } from './files';
import { flagBool, flagString } from './flags';
import { goJson, LAST_APPLIED } from './lastApplied';
import { noResources, resourceOfKindName } from './resources';

interface Change {
  readonly obj: KubeObject;
  readonly where: { resource: ApiRequest['resource']; name: string; namespace?: string };
  readonly text: string;
}

function textOf(f: FileObject, namespace: string | undefined): string {
  const raw = f.raw ?? {};
  const meta =
    raw.metadata && typeof raw.metadata === 'object' && !Array.isArray(raw.metadata) ? raw.metadata : {};
  return `${goJson({ ...raw, metadata: namespace !== undefined ? { ...meta, namespace } : meta })}\n`;
}

function patchAll(ctx: KubectlContext, changes: readonly Change[], suffix: string, client: boolean): void {
  const step = (i: number): void => {
    const c = changes[i];
    if (!c) {
      ctx.io.exit(0);
      return;
    }
    const print = () => {
      if (flagString(ctx.flags, 'output') === 'name') ctx.io.out(labelOf(c.obj));
      else ctx.io.out(`${labelOf(c.obj)} configured${suffix}`);
      step(i + 1);
    };
    if (client) {
      print();
      return;
    }
    const req: ApiRequest = {
      verb: 'patch',
      ...c.where,
      patch: (cur) =>
        ({
          ...cur,
          metadata: { ...cur.metadata, annotations: { ...cur.metadata.annotations, [LAST_APPLIED]: c.text } },
        }) as KubeObject,
    };
    send(ctx.io, ctx.server, req, (res) => (res.ok ? print() : failWith(ctx, apiError(res, ctx.server))));
  };
  step(0);
}

export const applySetLastAppliedVerb: Verb = {
  name: 'apply set-last-applied',
  flags: [
    filenameFlag,
    { name: 'output', short: 'o', type: 'string' },
    { name: 'create-annotation', type: 'bool' },
    dryRunFlag,
  ],
  run(ctx) {
    const d = readDryRun(ctx);
    if (!d.ok) return failWith(ctx, d.error);
    const output = flagString(ctx.flags, 'output');
    if (output !== undefined && output !== 'name')
      return failWith(
        ctx,
        `error: podscope: -o ${output} of apply set-last-applied is not simulated; use name`,
      );
    const files = ctx.flags.values.get('filename') ?? [];
    if (files.length === 0) return failWith(ctx, noResources);
    withStdin(ctx.io, files, (stdin) => {
      const loaded = loadFiles(ctx.io, files, false, stdin);
      if (!loaded.ok) return failWith(ctx, loaded.error);
      const items = loaded.objects.filter((f) => f.obj && f.raw);
      const changes: Change[] = [];
      const step = (i: number): void => {
        const f = items[i];
        if (!f?.obj) {
          patchAll(ctx, changes, dryRunSuffix(d.dryRun), d.dryRun === 'client');
          return;
        }
        const obj = f.obj;
        const resource = resourceOfKindName[obj.kind] ?? 'pods';
        const own = obj.metadata.namespace;
        const ns = namespaced[resource] ? (own && own !== 'default' ? own : ctx.namespace) : undefined;
        const where = { resource, name: obj.metadata.name, ...(ns ? { namespace: ns } : {}) };
        send(ctx.io, ctx.server, { verb: 'get', ...where }, (res) => {
          if (!res.ok) return failWith(ctx, apiError(res, ctx.server));
          if (!res.object)
            return failWith(ctx, `Error from server (NotFound): ${where.resource} "${where.name}" not found`);
          const saved = res.object.metadata.annotations?.[LAST_APPLIED];
          if (saved === undefined && !flagBool(ctx.flags, 'create-annotation'))
            return failWith(
              ctx,
              `error: no last-applied-configuration annotation found on resource: ${obj.metadata.name}, to create the annotation, run the command with --create-annotation`,
            );
          const text = textOf(f, ns);
          if (saved === text) ctx.io.out(`set-last-applied ${obj.metadata.name}: no changes required.`);
          else changes.push({ obj, where, text });
          step(i + 1);
        });
      };
      step(0);
    });
  },
};
