// kubectl get: one request (a list, or a get per name), then the table. The
// output-format check runs after the answer, as kubectl 1.18 does it (facts §4).

import type { KubeObject, Resource } from '../../sim/objects';
import { namespaced } from '../../sim/objects';
import type { ApiRequest } from '../../sim/protocol';
import { labProfile, wireShown } from '../labProfile';
import { labEpoch } from '../wallClock';
import { apiError, send } from './client';
import type { KubectlContext, Verb } from './context';
import { failWith, filenameFlag, outputFlag } from './context';
import { flagBool, flagString } from './flags';
import { runWatch } from './getWatch';
import { printGoTemplate, readTemplateFile, templateRoot } from './goTemplatePrinter';
import { toJson, toYaml, wireList, wireObject } from './objectPrinter';
import { printNames, printTable, sortForList } from './printers';
import type { Target } from './resources';
import { kindName, readTargets } from './resources';
import type { Selectors } from './selectors';
import { readSelectors, selectorError, selectorQuery } from './selectors';
import { printCustomColumns, printJsonPath, sortBy } from './templatePrinters';

/** kubectl's Go-template formats: `template` is another name for `go-template`. */
const goTemplateFormats = ['go-template', 'go-template-file', 'template', 'templatefile'];

const mustSpecify = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples`;

function requestsFor(t: Target, ctx: KubectlContext, all: boolean, sel: Selectors): ApiRequest[] {
  const ns = namespaced[t.resource] ? ctx.namespace : undefined;
  if (t.names.length === 0) {
    return [
      {
        verb: 'list',
        resource: t.resource,
        ...(all ? { allNamespaces: true } : ns ? { namespace: ns } : {}),
        ...selectorQuery(sel),
      },
    ];
  }
  return t.names.map((name) => ({
    verb: 'get',
    resource: t.resource,
    name,
    ...(ns ? { namespace: ns } : {}),
  }));
}

/** -o yaml|json: one object as itself, several as a List. */
function printWire(
  ctx: KubectlContext,
  targets: readonly Target[],
  found: Map<Resource, KubeObject[]>,
  output: 'yaml' | 'json',
  errors: readonly string[],
): void {
  const single = targets.length === 1 && targets[0]?.names.length === 1;
  const items = targets.flatMap((t) => found.get(t.resource) ?? []);
  // A list with no items is still printed, as an empty List (kubectl 1.18 get.go prints the
  // list object whatever it holds); a named object that was not found prints only its error.
  if (items.length > 0 || errors.length === 0) {
    const epoch = labEpoch(ctx.io.shell.world.cluster);
    const shown = wireShown(ctx.io.shell);
    const wire = single && items[0] ? wireObject(items[0], epoch, shown) : wireList(items, epoch, shown);
    ctx.io.out(output === 'json' ? toJson(wire) : toYaml(wire).replace(/\n$/, ''));
  }
  for (const e of errors) ctx.io.err(e);
  ctx.io.exit(errors.length > 0 ? 1 : 0);
}

export const getVerb: Verb = {
  name: 'get',
  flags: [
    outputFlag,
    filenameFlag,
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'watch-only', type: 'bool' },
    { name: 'output-watch-events', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'field-selector', type: 'string' },
    { name: 'sort-by', type: 'string' },
    { name: 'show-labels', type: 'bool' },
    { name: 'label-columns', short: 'L', type: 'strings' },
    { name: 'no-headers', type: 'bool' },
    { name: 'template', type: 'string' },
  ],
  run(ctx) {
    const parsed = readTargets(ctx.args);
    if ('error' in parsed) return failWith(ctx, parsed.error);
    if (parsed.targets.length === 0) return failWith(ctx, mustSpecify);
    const sel = readSelectors(ctx);
    const named = parsed.targets.some((t) => t.names.length > 0);
    if (named && (sel.label || sel.field)) {
      return failWith(
        ctx,
        ctx.args.some((a) => a.includes('/'))
          ? 'error: selectors and the all flag cannot be used when passing resource/name arguments'
          : 'error: name cannot be provided when a selector is specified',
      );
    }
    const watching = flagBool(ctx.flags, 'watch') || flagBool(ctx.flags, 'watch-only');
    if (flagBool(ctx.flags, 'output-watch-events') && !watching)
      return failWith(
        ctx,
        "error: --output-watch-events option can only be used with --watch or --watch-only\nSee 'kubectl get -h' for help and examples",
      );
    if (watching) return runWatch(ctx, parsed.targets, sel);
    const all = flagBool(ctx.flags, 'all-namespaces');
    const output = flagString(ctx.flags, 'output');
    const multi = parsed.targets.length > 1;
    const reqs = parsed.targets.flatMap((t) => requestsFor(t, ctx, all, sel).map((req) => ({ t, req })));
    const found = new Map<Resource, KubeObject[]>();
    const errors: string[] = [];
    const step = (i: number): void => {
      const next = reqs[i];
      if (!next) {
        finish();
        return;
      }
      send(ctx.io, ctx.server, next.req, (res) => {
        if (!res.ok) {
          if (res.reason === 'ConnectionRefused' || res.reason === 'Timeout')
            return failWith(ctx, apiError(res, ctx.server));
          const worded = next.req.verb === 'list' ? selectorError(res, next.t.resource, sel) : res;
          errors.push(apiError(worded, ctx.server));
        } else {
          const items = res.items ?? (res.object ? [res.object] : []);
          found.set(next.t.resource, [...(found.get(next.t.resource) ?? []), ...items]);
        }
        step(i + 1);
      });
    };
    const finish = () => {
      const format = output?.split('=')[0];
      // -o go-template --template='…' is the same as -o go-template='…'.
      const template = output?.includes('=')
        ? output.slice((format?.length ?? 0) + 1)
        : (flagString(ctx.flags, 'template') ?? '');
      const sortExpr = flagString(ctx.flags, 'sort-by');
      if (sortExpr) {
        for (const [r, items] of found) {
          const sorted = sortBy(
            sortExpr,
            items,
            labEpoch(ctx.io.shell.world.cluster),
            wireShown(ctx.io.shell),
          );
          if (typeof sorted === 'string') return failWith(ctx, sorted);
          found.set(r, sorted);
        }
      }
      if (format && goTemplateFormats.includes(format)) {
        const items = parsed.targets.flatMap((t) => found.get(t.resource) ?? []);
        const single = parsed.targets.length === 1 && parsed.targets[0]?.names.length === 1;
        const fromFile = format.endsWith('file');
        const file = fromFile && template !== '' ? readTemplateFile(ctx.io, template) : { text: template };
        if ('error' in file) return failWith(ctx, file.error);
        // The empty check is on the flag's value: an empty file is an empty template.
        const printed =
          fromFile && template !== '' && file.text === ''
            ? ({ ok: true, text: '' } as const)
            : printGoTemplate(
                file.text,
                templateRoot(items, single, labEpoch(ctx.io.shell.world.cluster), wireShown(ctx.io.shell)),
              );
        if (!printed.ok) {
          if (printed.stdout) ctx.io.out(printed.stdout);
          return failWith(ctx, printed.error);
        }
        // The terminal ends the last line itself: a template's own final newline is not doubled.
        if (printed.text !== '') ctx.io.out(printed.text.replace(/\n$/, ''));
        for (const e of errors) ctx.io.err(e);
        return ctx.io.exit(errors.length > 0 ? 1 : 0);
      }
      if (format === 'jsonpath' || format === 'jsonpath-file' || format === 'custom-columns') {
        const items = parsed.targets.flatMap((t) => found.get(t.resource) ?? []);
        const single = parsed.targets.length === 1 && parsed.targets[0]?.names.length === 1;
        // An empty value is "no template given" before any file is read.
        const file =
          format === 'jsonpath-file' && template !== ''
            ? readTemplateFile(ctx.io, template)
            : { text: template };
        if ('error' in file) return failWith(ctx, file.error);
        const printed =
          format === 'custom-columns'
            ? printCustomColumns(
                template,
                items,
                flagBool(ctx.flags, 'no-headers'),
                labEpoch(ctx.io.shell.world.cluster),
                wireShown(ctx.io.shell),
              )
            : format === 'jsonpath-file' && template !== '' && file.text === ''
              ? ({ ok: true, text: '' } as const)
              : printJsonPath(
                  file.text,
                  items,
                  single,
                  labEpoch(ctx.io.shell.world.cluster),
                  wireShown(ctx.io.shell),
                );
        if (!printed.ok) return failWith(ctx, printed.error);
        // A file's own final newline is the line's end the terminal writes anyway.
        if (printed.text !== '')
          ctx.io.out(format === 'jsonpath-file' ? printed.text.replace(/\n$/, '') : printed.text);
        for (const e of errors) ctx.io.err(e);
        return ctx.io.exit(errors.length > 0 ? 1 : 0);
      }
      const allowedFormats = labProfile(ctx.io.shell).kubectl.getOutputFormats;
      if (output !== undefined && !allowedFormats.split(',').includes(format ?? '')) {
        failWith(
          ctx,
          `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${allowedFormats}`,
        );
        return;
      }
      if (output === 'yaml' || output === 'json') {
        printWire(ctx, parsed.targets, found, output, errors);
        return;
      }
      if (output !== undefined && output !== 'wide' && output !== 'name') {
        failWith(ctx, `error: podscope: -o ${output} is not simulated; use wide, name, yaml or json`);
        return;
      }
      const now = ctx.io.shell.world.now();
      const blocks: string[] = [];
      for (const t of parsed.targets) {
        const items = found.get(t.resource);
        if (!items || items.length === 0) continue;
        // componentstatuses come in the order the API server's probes answered.
        const listed =
          t.names.length > 0 || sortExpr || t.resource === 'componentstatuses' ? items : sortForList(items);
        if (output === 'name') {
          blocks.push(printNames(kindName[t.resource], listed));
          continue;
        }
        const named = multi
          ? listed.map((o) => ({
              ...o,
              metadata: { ...o.metadata, name: `${kindName[t.resource]}/${o.metadata.name}` },
            }))
          : listed;
        blocks.push(
          printTable(t.resource, named as KubeObject[], {
            now,
            wide: output === 'wide',
            withNamespace: all && namespaced[t.resource],
            noHeaders: flagBool(ctx.flags, 'no-headers'),
            showLabels: flagBool(ctx.flags, 'show-labels'),
            labelColumns: (ctx.flags.values.get('label-columns') ?? []).flatMap((v) => v.split(',')),
            restartsWithAge: labProfile(ctx.io.shell).kubectl.restartsWithAge,
          }),
        );
      }
      if (blocks.length > 0) ctx.io.out(blocks.join(output === 'name' ? '\n' : '\n\n'));
      for (const e of errors) ctx.io.err(e);
      if (blocks.length === 0 && errors.length === 0) {
        ctx.io.err(all ? 'No resources found' : `No resources found in ${ctx.namespace} namespace.`);
      }
      ctx.io.exit(errors.length > 0 ? 1 : 0);
    };
    step(0);
  },
};
