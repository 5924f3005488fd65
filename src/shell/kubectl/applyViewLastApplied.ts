// kubectl apply view-last-applied (kubectl 1.18.4 pkg/cmd/apply/apply_view_last_applied.go,
// the same file in 1.20.2): every object is read first (Complete visits them all, so an
// error prints nothing else), then each saved configuration is printed: YAML by
// sigs.k8s.io/yaml's JSONToYAML (keys sorted), or JSON by json.Indent (two spaces, the
// saved order and escapes kept), one after the other with nothing between them.
import type { KubeObject } from '../../sim/objects';
import { namespaced } from '../../sim/objects';
import type { ApiRequest } from '../../sim/protocol';
import type { JsonValue } from '../manifestYaml';
import { apiError, send } from './client';
import type { KubectlContext, Verb } from './context';
import { failWith, filenameFlag } from './context';
import { loadFiles, withStdin } from './files';
import { flagBool, flagString } from './flags';
import { LAST_APPLIED } from './lastApplied';
import type { Plain } from './objectPrinter';
import { toJson, toYaml } from './objectPrinter';
import { noResources, readTargets, resourceOfKindName } from './resources';
import { readSelectors, selectorQuery } from './selectors';

/** json.Indent(…, "", "  "): the text's own key order; Go had escaped <, > and & already. */
function indented(text: string): string {
  return toJson(JSON.parse(text) as Plain)
    .split('\n')
    .map((l) => {
      const lead = /^ */.exec(l)?.[0].length ?? 0;
      return ' '.repeat(lead / 2) + l.slice(lead);
    })
    .join('\n');
}

function printed(saved: string, format: string): string {
  if (format === 'json') return `${indented(saved)}${saved.endsWith('\n') ? '\n' : ''}`;
  return toYaml(JSON.parse(saved) as JsonValue as Plain);
}

interface Wanted {
  readonly req: ApiRequest;
  /** The file it came from: an object without the annotation is an error only then. */
  readonly source?: string;
}

function run(ctx: KubectlContext, wanted: readonly Wanted[], format: string): void {
  const saved: string[] = [];
  const step = (i: number): void => {
    const w = wanted[i];
    if (!w) {
      // The output format is checked as each configuration is printed, after every read.
      if (saved.length > 0 && format !== 'yaml' && format !== 'json') {
        failWith(
          ctx,
          `error: Unexpected -o output mode: ${format}, the flag 'output' must be one of yaml|json\nSee 'kubectl apply view-last-applied -h' for help and examples`,
        );
        return;
      }
      const text = saved.map((s) => printed(s, format)).join('');
      if (text !== '') ctx.io.out(text.replace(/\n$/, ''));
      ctx.io.exit(0);
      return;
    }
    send(ctx.io, ctx.server, w.req, (res) => {
      if (!res.ok) return failWith(ctx, apiError(res, ctx.server));
      const objects: readonly KubeObject[] = res.items ?? (res.object ? [res.object] : []);
      for (const o of objects) {
        const config = o.metadata.annotations?.[LAST_APPLIED];
        if (config !== undefined) saved.push(config);
        // AddSourceToErr wraps a nil error: from a name or a selector the object is skipped.
        else if (w.source)
          return failWith(
            ctx,
            `error: error when no last-applied-configuration annotation found on resource: ${o.metadata.name}\n ${JSON.stringify(w.source)}: <nil>`,
          );
      }
      step(i + 1);
    });
  };
  step(0);
}

export const applyViewLastAppliedVerb: Verb = {
  name: 'apply view-last-applied',
  flags: [
    filenameFlag,
    { name: 'output', short: 'o', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'recursive', short: 'R', type: 'bool' },
  ],
  run(ctx) {
    const format = flagString(ctx.flags, 'output') ?? 'yaml';
    const files = ctx.flags.values.get('filename') ?? [];
    const parsed = readTargets(ctx.args);
    if ('error' in parsed) return failWith(ctx, parsed.error);
    if (files.length === 0 && parsed.targets.length === 0) return failWith(ctx, noResources);
    const sel = readSelectors(ctx);
    const all = flagBool(ctx.flags, 'all');
    const wanted: Wanted[] = [];
    for (const t of parsed.targets) {
      const ns = namespaced[t.resource] ? { namespace: ctx.namespace } : {};
      if (t.names.length > 0)
        for (const name of t.names) wanted.push({ req: { verb: 'get', resource: t.resource, name, ...ns } });
      else if (sel.label || all)
        wanted.push({ req: { verb: 'list', resource: t.resource, ...ns, ...selectorQuery(sel) } });
      else
        return failWith(
          ctx,
          'error: resource(s) were provided, but no name, label selector, or --all flag specified',
        );
    }
    const go = () => run(ctx, wanted, format);
    if (files.length === 0) return go();
    withStdin(ctx.io, files, (stdin) => {
      const loaded = loadFiles(ctx.io, files, false, stdin);
      if (!loaded.ok) return failWith(ctx, loaded.error);
      for (const f of loaded.objects) {
        if (!f.obj) continue;
        const r = resourceOfKindName[f.obj.kind] ?? 'pods';
        const own = f.obj.metadata.namespace;
        const ns = namespaced[r] ? { namespace: own && own !== 'default' ? own : ctx.namespace } : {};
        wanted.push({
          req: { verb: 'get', resource: r, name: f.obj.metadata.name, ...ns },
          source: f.source,
        });
      }
      go();
    });
  },
};
