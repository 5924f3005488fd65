// A faithful subset of client-go's jsonpath as kubectl 1.18 uses it for
// `-o jsonpath=…`, `custom-columns` and `--sort-by`: text and `{…}` actions, `.field`,
// `['field']`, `[n]`, `[*]`, `[?(@.path==value)]`, `range … end`, string literals;
// missing keys print nothing (--allow-missing-template-keys=true by default).
import type { JsonValue as Json } from '../manifestYaml';
import { goJson } from './lastApplied';
import type { Plain } from './objectPrinter';

type Step =
  | { readonly t: 'field'; readonly name: string }
  | { readonly t: 'index'; readonly i: number }
  | { readonly t: 'all' }
  | { readonly t: 'filter'; readonly path: Step[]; readonly op: '==' | '!='; readonly value: string };

type Node =
  | { readonly t: 'text'; readonly text: string }
  | { readonly t: 'path'; readonly steps: Step[] }
  | { readonly t: 'range'; readonly steps: Step[]; readonly body: Node[] };

export type Template =
  | { readonly ok: true; readonly nodes: Node[] }
  | { readonly ok: false; readonly error: string };

function parseSteps(expr: string): Step[] | string {
  let s = expr.trim();
  if (s.startsWith('$')) s = s.slice(1);
  else if (s.startsWith('@')) s = s.slice(1);
  const steps: Step[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '.') {
      const m = /^\.([A-Za-z0-9_-]+)/.exec(s.slice(i));
      if (!m) {
        if (i === s.length - 1) break;
        return `unrecognized character in action: U+${(s.charCodeAt(i + 1) || 0).toString(16).toUpperCase().padStart(4, '0')}`;
      }
      steps.push({ t: 'field', name: m[1] as string });
      i += m[0].length;
    } else if (c === '[') {
      const close = s.indexOf(']', i);
      if (close < 0) return 'unterminated array';
      const inner = s.slice(i + 1, close).trim();
      if (inner === '*') steps.push({ t: 'all' });
      else if (/^-?\d+$/.test(inner)) steps.push({ t: 'index', i: Number(inner) });
      else if (/^'.*'$/.test(inner) || /^".*"$/.test(inner))
        steps.push({ t: 'field', name: inner.slice(1, -1) });
      else {
        const f = /^\?\(@((?:\.[A-Za-z0-9_-]+)+)\s*(==|!=)\s*(?:"([^"]*)"|'([^']*)'|([^)\s]+))\s*\)$/.exec(
          inner,
        );
        if (!f) return `invalid array index ${inner}`;
        const path = parseSteps(f[1] as string);
        if (typeof path === 'string') return path;
        steps.push({ t: 'filter', path, op: f[2] as '==' | '!=', value: f[3] ?? f[4] ?? f[5] ?? '' });
      }
      i = close + 1;
    } else if (c === ' ') i++;
    else
      return `unrecognized character in action: U+${s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return steps;
}

function unquote(s: string): string {
  return s.slice(1, -1).replace(/\\(n|t|\\|")/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

export function parseTemplate(text: string): Template {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  const ranges: { steps: Step[]; body: Node[] }[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    const here = stack[stack.length - 1] as Node[];
    if (open < 0) {
      here.push({ t: 'text', text: text.slice(i) });
      break;
    }
    if (open > i) here.push({ t: 'text', text: text.slice(i, open) });
    const close = text.indexOf('}', open);
    if (close < 0) return { ok: false, error: 'unclosed action' };
    const action = text.slice(open + 1, close).trim();
    i = close + 1;
    if (/^".*"$/.test(action) || /^'.*'$/.test(action)) here.push({ t: 'text', text: unquote(action) });
    else if (action === 'end') {
      const r = ranges.pop();
      if (!r) return { ok: false, error: 'not in range, nothing to end' };
      stack.pop();
      (stack[stack.length - 1] as Node[]).push({ t: 'range', steps: r.steps, body: r.body });
    } else if (action.startsWith('range ')) {
      const steps = parseSteps(action.slice(6));
      if (typeof steps === 'string') return { ok: false, error: steps };
      const r = { steps, body: [] as Node[] };
      ranges.push(r);
      stack.push(r.body);
    } else {
      const steps = parseSteps(action);
      if (typeof steps === 'string') return { ok: false, error: steps };
      here.push({ t: 'path', steps });
    }
  }
  if (ranges.length > 0) return { ok: false, error: 'unclosed range' };
  return { ok: true, nodes: root };
}

function walk(values: Plain[], steps: readonly Step[]): Plain[] {
  let cur = values;
  for (const st of steps) {
    const next: Plain[] = [];
    for (const v of cur) {
      if (st.t === 'field') {
        if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, st.name))
          next.push(v[st.name] as Plain);
      } else if (Array.isArray(v)) {
        if (st.t === 'all') next.push(...v);
        else if (st.t === 'index') {
          const x = v[st.i < 0 ? v.length + st.i : st.i];
          if (x !== undefined) next.push(x);
        } else
          next.push(
            ...v.filter((item) => {
              const got = walk([item], st.path)[0];
              const text = got === undefined ? undefined : goText(got);
              return st.op === '==' ? text === st.value : text !== st.value;
            }),
          );
      } else if (st.t === 'all' && v !== null && typeof v === 'object') next.push(...Object.values(v));
    }
    cur = next;
  }
  return cur;
}

/** How 1.18's jsonpath prints a value: Go's fmt of the decoded JSON (`map[k:v]`, `[a b]`). */
export function goText(v: Plain): string {
  if (v === null) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goText).join(' ')}]`;
  if (typeof v === 'object')
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${goText(v[k] as Plain)}`)
      .join(' ')}]`;
  return String(v);
}

/** Every value a path finds (for custom-columns and --sort-by). */
export function findAll(root: Plain, steps: readonly Step[]): Plain[] {
  return walk([root], steps);
}

/**
 * The template's text over `root`. `mapsAsJson`: a map or a list found is printed as
 * json.Marshal writes it (client-go 1.19+, PrintResults; seen with kubectl 1.20.2 and 1.33),
 * not with Go's fmt as 1.18.4 does.
 */
export function execute(nodes: readonly Node[], root: Plain, mapsAsJson = false): string {
  const text = (v: Plain) =>
    mapsAsJson && v !== null && typeof v === 'object' ? goJson(v as Json) : goText(v);
  let out = '';
  for (const n of nodes) {
    if (n.t === 'text') out += n.text;
    else if (n.t === 'path') out += walk([root], n.steps).map(text).join(' ');
    else for (const item of walk([root], n.steps)) out += execute(n.body, item, mapsAsJson);
  }
  return out;
}

/** `.metadata.name` or `{.metadata.name}`: custom-columns and --sort-by accept both (RelaxedJSONPathExpression). */
export function relaxedSteps(expr: string): Step[] | string {
  const m = /^\{(.*)\}$/.exec(expr.trim());
  const inner = m ? (m[1] as string) : expr.trim();
  if (!inner.startsWith('.') && !inner.startsWith('$') && !inner.startsWith('['))
    return `unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'`;
  return parseSteps(inner);
}
