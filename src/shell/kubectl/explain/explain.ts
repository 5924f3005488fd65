// kubectl explain as kubectl 1.18.4 prints it (pkg/explain: model_printer.go,
// fields_printer.go, recursive_fields_printer.go, formatter.go, typename.go; and
// pkg/cmd/explain/explain.go), over the OpenAPI models of the kinds the lab serves
// (openapi-1.18.json, written by scripts/gen-explain.mjs; docs/FACTS-kubectl.md §14).
import { resourceKinds } from '../../../sim/resourceKinds';
import { apiError, send } from '../client';
import type { KubectlContext, Verb } from '../context';
import { failWith } from '../context';
import { flagBool, flagString } from '../flags';
import { resourceFor } from '../resources';
import openapi from './openapi-1.18.json';

/** A field: its type ('#name' a model, '[]…', 'map[string]…', a primitive), description, required. */
type Field = readonly [string, string] | readonly [string, string, 1];
type Model = { readonly d: string; readonly f?: Readonly<Record<string, Field>>; readonly t?: string };
const models = openapi.definitions as unknown as Readonly<Record<string, Model>>;
const kinds = openapi.kinds as Readonly<Record<string, string>>;

/** A list's or map's element type and how many lists and maps hold it (`[]map[string]#x` → `#x`, 2). */
function unwrap(type: string): { readonly element: string; readonly depth: number } {
  let element = type;
  let depth = 0;
  for (; element.startsWith('[]') || element.startsWith('map[string]'); depth++)
    element = element.startsWith('[]') ? element.slice(2) : element.slice(11);
  return { element, depth };
}

/** The model a type names, through lists and maps; undefined for a primitive. */
function modelOf(type: string): Model | undefined {
  const { element } = unwrap(type);
  return element.startsWith('#') ? models[element.slice(1)] : undefined;
}

/** typename.go: Object for a model with fields, the primitive's type, []X, map[string]X. */
export function typeName(type: string): string {
  if (type.startsWith('[]')) return `[]${typeName(type.slice(2))}`;
  if (type.startsWith('map[string]')) return `map[string]${typeName(type.slice(11))}`;
  if (type.startsWith('#')) {
    const m = models[type.slice(1)];
    return m?.f ? 'Object' : (m?.t ?? 'Object');
  }
  return type;
}

/** formatter.go's wrapString: words, each line at most `width` long (a longer word alone). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

const WRAP = 80;
const indented = (n: number, text: string) => wrap(text, WRAP - n).map((l) => `${' '.repeat(n)}${l}`);

/** What a path through the fields ends on, with the descriptions met on the way (modelPrinter). */
interface Leaf {
  readonly type: string;
  /** The descriptions of the field and of the references and lists it went through. */
  readonly descriptions: readonly string[];
}

/** fieldLookup: down the path, through lists, maps and references; a primitive ends it early. */
function lookup(root: string, path: readonly string[]): Leaf | { error: string } {
  let type = `#${root}`;
  let fieldDescription = '';
  for (const name of path) {
    const model = modelOf(type);
    if (!model?.f) break;
    const field = model.f[name];
    if (!field) return { error: `field "${name}" does not exist` };
    type = field[0];
    fieldDescription = field[1];
  }
  return { type, descriptions: path.length > 0 ? [fieldDescription] : [] };
}

function explain(
  gv: string,
  kind: string,
  root: string,
  path: readonly string[],
  recursive: boolean,
): string[] | { error: string } {
  const leaf = lookup(root, path);
  if ('error' in leaf) return leaf;
  const name = path.at(-1) ?? '';
  const type = typeName(leaf.type);
  // modelPrinter: lists and maps add their own description (the field's, already in), then
  // their element's; a reference adds its model's below the field's.
  // A list's or a map's element adds an empty description, one per level.
  const model = modelOf(leaf.type);
  const descriptions = [
    ...leaf.descriptions,
    ...Array<string>(unwrap(leaf.type).depth).fill(''),
    model?.d ?? '',
  ];
  const out = [`KIND:     ${kind}`, `VERSION:  ${gv}`, ''];
  const printDescription = () => {
    out.push('DESCRIPTION:');
    const shown = descriptions.map((d, i) => [d, i] as const).filter(([d]) => d !== '');
    for (const [d, i] of shown) {
      if (i !== 0) out.push('');
      out.push(...indented(5, d));
    }
    if (shown.length === 0) out.push(...indented(5, '<empty>'));
  };
  if (!model?.f) {
    out.push(`FIELD:    ${name} <${type}>`, '');
    printDescription();
    return out;
  }
  if (name !== '') out.push(`RESOURCE: ${name} <${type}>`, '');
  printDescription();
  out.push('', 'FIELDS:');
  if (recursive) out.push(...recursiveFields(model, 3, new Set()));
  else
    for (const key of Object.keys(model.f).sort()) {
      const [ft, fd, required] = model.f[key] as Field;
      out.push(`   ${key}\t<${typeName(ft)}>${required ? ' -required-' : ''}`);
      out.push(...indented(5, fd), '');
    }
  return out;
}

/** recursive_fields_printer.go: every field's name and type, three more spaces a level. */
function recursiveFields(model: Model, indent: number, seen: ReadonlySet<Model>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(model.f ?? {}).sort()) {
    const [ft] = (model.f as Record<string, Field>)[key] as Field;
    out.push(`${' '.repeat(indent)}${key}\t<${typeName(ft)}>`);
    const sub = modelOf(ft);
    // The lab's models have no cycle; the guard keeps a future one (JSONSchemaProps) finite.
    if (sub?.f && !seen.has(sub)) out.push(...recursiveFields(sub, indent + 3, new Set([...seen, sub])));
  }
  return out;
}

const usage = (msg: string) => `error: ${msg}\nSee 'kubectl explain -h' for help and examples`;

export const explainVerb: Verb = {
  name: 'explain',
  flags: [
    { name: 'api-version', type: 'string' },
    { name: 'recursive', type: 'bool' },
  ],
  run(ctx: KubectlContext) {
    // Complete() reads the server's OpenAPI document and discovery before the arguments
    // are checked, so with the API server stopped every explain fails on the connection.
    send(ctx.io, ctx.server, { verb: 'list', resource: 'nodes' }, (res) => {
      if (!res.ok) return failWith(ctx, apiError(res, ctx.server));
      if (ctx.args.length === 0)
        return failWith(
          ctx,
          usage(
            'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
          ),
        );
      if (ctx.args.length > 1) return failWith(ctx, usage('We accept only this format: explain RESOURCE\n'));
      const [type = '', ...path] = (ctx.args[0] as string).split('.');
      const resource = resourceFor(type);
      if (!resource) return failWith(ctx, `error: the server doesn't have a resource type "${type}"`);
      const rk = resourceKinds.find((k) => k.resource === resource);
      if (!rk) return failWith(ctx, `error: the server doesn't have a resource type "${type}"`);
      let gv = rk.group ? `${rk.group}/${rk.version}` : rk.version;
      const asked = flagString(ctx.flags, 'api-version');
      if (asked) gv = asked;
      const root = kinds[`${gv}/${rk.kind}`];
      if (!root) {
        const [g, v] = gv.includes('/') ? gv.split('/') : ['', gv];
        // schema.GroupVersionKind's String(): "/v1, Kind=Pod" for the core group.
        return failWith(ctx, `error: couldn't find resource for "${g}/${v}, Kind=${rk.kind}"`);
      }
      const lines = explain(gv, rk.kind, root, path, flagBool(ctx.flags, 'recursive'));
      if ('error' in lines) return failWith(ctx, `error: ${lines.error}`);
      ctx.io.out(lines.join('\n'));
      ctx.io.exit(0);
    });
  },
};
