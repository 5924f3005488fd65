// kubectl get -w / --watch / --watch-only (kubectl 1.18.4 pkg/cmd/get/get.go watch):
// print what is there now, then one row per change the API server's watch sends,
// until Ctrl+C. The table printer prints a header only before its first row, and
// kubectl's tabwriter (RememberWidths) keeps each column's widest width across the
// flush after every event: rows line up with the table, and a column only grows.

import type { WatchEvent } from '../../sim/api';
import type { KubeObject } from '../../sim/objects';
import { namespaced } from '../../sim/objects';
import { labProfile, wireShown } from '../labProfile';
import { table } from '../tabwriter';
import { labEpoch } from '../wallClock';
import { apiError } from './client';
import type { KubectlContext } from './context';
import { failWith } from './context';
import { flagBool, flagString } from './flags';
import { toJson, toYaml, wireObject } from './objectPrinter';
import { printNames, sortForList, tableCells } from './printers';
import type { Target } from './resources';
import { kindName } from './resources';
import type { Selectors } from './selectors';
import { selectorError, selectorQuery } from './selectors';

const watchFormats = ['wide', 'name', 'yaml', 'json'];

type EventType = 'added' | 'modified' | 'deleted';
const eventWord: Record<EventType, string> = { added: 'ADDED   ', modified: 'MODIFIED', deleted: 'DELETED ' };

export function runWatch(ctx: KubectlContext, targets: readonly Target[], sel: Selectors) {
  const [t, ...others] = targets;
  if (!t) return;
  // The builder's SingleResourceType, then Result.Watch's one source (cli-runtime 1.18.4).
  if (others.length > 0) return failWith(ctx, 'error: you may only specify a single resource type');
  if (t.names.length > 1)
    return failWith(ctx, 'error: you may only watch a single resource or type of resource at a time');
  const output = flagString(ctx.flags, 'output');
  if (flagBool(ctx.flags, 'output-watch-events') && output !== undefined && output !== 'wide')
    return failWith(
      ctx,
      `error: podscope: --output-watch-events with -o ${output} is not simulated; use the table`,
    );
  if (output !== undefined && !watchFormats.includes(output))
    return failWith(
      ctx,
      `error: podscope: -o ${output} with --watch is not simulated; use wide, name, yaml or json`,
    );
  if (flagString(ctx.flags, 'sort-by') !== undefined)
    ctx.io.err('warning: --watch or --watch-only requested, --sort-by will be ignored');
  const all = flagBool(ctx.flags, 'all-namespaces');
  const watchOnly = flagBool(ctx.flags, 'watch-only');
  const name = t.names[0];
  const ns = namespaced[t.resource] ? ctx.namespace : undefined;
  const req = {
    verb: 'watch' as const,
    resource: t.resource,
    ...(all ? { allNamespaces: true } : ns ? { namespace: ns } : {}),
    ...(name !== undefined ? { name } : {}),
    ...selectorQuery(sel),
  };
  const print = printerFor(ctx, output, t, all);
  const cluster = ctx.io.shell.world.cluster;
  if (ctx.server !== '192.168.1.10:6443')
    return failWith(
      ctx,
      apiError({ ok: false, code: 0, reason: 'ConnectionRefused', message: '' }, ctx.server),
    );
  const close = cluster.watch(
    ctx.io.shell.host,
    req,
    (e: WatchEvent) => {
      if (e.type !== 'start') return print([e.object], e.type);
      const res = e.res;
      if (!res.ok) {
        close();
        const worded = name === undefined ? selectorError(res, t.resource, sel) : res;
        return failWith(ctx, apiError(worded, ctx.server));
      }
      const items = res.items ?? [];
      if (name !== undefined && items.length === 0) {
        close();
        return failWith(
          ctx,
          apiError(
            { ok: false, code: 404, reason: 'NotFound', message: notFound(t.resource, name) },
            ctx.server,
          ),
        );
      }
      if (!watchOnly) print(sortForList(items), 'added');
    },
    // The API server went away: the stream ends and kubectl returns quietly.
    () => ctx.io.exit(0),
  );
  ctx.io.onInterrupt(close);
}

function notFound(resource: Target['resource'], name: string): string {
  const kind = kindName[resource];
  const group = kind.includes('.') ? kind.slice(kind.indexOf('.')) : '';
  return `${resource}${group} "${name}" not found`;
}

/** One printer for the whole watch: its header state and remembered widths live as long as it. */
function printerFor(
  ctx: KubectlContext,
  output: string | undefined,
  t: Target,
  all: boolean,
): (items: readonly KubeObject[], type: EventType) => void {
  if (output === 'name')
    return (items) => items.length > 0 && ctx.io.out(printNames(kindName[t.resource], items));
  if (output === 'yaml' || output === 'json') {
    // The YAML printer writes `---` before every object after its first.
    let printed = 0;
    return (items) => {
      for (const o of items) {
        const wire = wireObject(o, labEpoch(ctx.io.shell.world.cluster), wireShown(ctx.io.shell));
        if (output === 'json') ctx.io.out(toJson(wire));
        else ctx.io.out(`${printed > 0 ? '---\n' : ''}${toYaml(wire).replace(/\n$/, '')}`);
        printed += 1;
      }
    };
  }
  const remembered: number[] = [];
  let printedHeaders = flagBool(ctx.flags, 'no-headers');
  const withEvents = flagBool(ctx.flags, 'output-watch-events');
  return (items, type) => {
    if (items.length === 0) return;
    const { header, rows } = tableCells(t.resource, items, {
      now: ctx.io.shell.world.now(),
      wide: output === 'wide',
      withNamespace: all && namespaced[t.resource],
      showLabels: flagBool(ctx.flags, 'show-labels'),
      labelColumns: (ctx.flags.values.get('label-columns') ?? []).flatMap((v) => v.split(',')),
      restartsWithAge: labProfile(ctx.io.shell).kubectl.restartsWithAge,
    });
    // --output-watch-events: an EVENT column first, its words padded to eight (formattedEventType).
    const head = withEvents ? ['EVENT', ...header] : header;
    const body = withEvents ? rows.map((r) => [eventWord[type], ...r]) : rows;
    ctx.io.out(table(printedHeaders ? body : [head, ...body], undefined, remembered));
    printedHeaders = true;
  };
}
