// A manifest's text → the JSON documents kubectl decodes from it, or the error text
// kubectl prints. kubectl (apimachinery pkg/util/yaml YAMLOrJSONDecoder) reads a stream
// that starts with `{` as JSON, anything else as YAML split at `---` lines, each
// document converted to JSON by go-yaml v2 (YAML 1.1) through sigs.k8s.io/yaml. Here the
// `yaml` package parses, and its errors are worded as go-yaml words them, with go-yaml's
// line numbers (a scanner error on its 1-based line, a parser error one less). Maps are
// built without a prototype, so a key such as `__proto__` is only a key.
import * as Yaml from 'yaml';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type Decoded =
  | { readonly ok: true; readonly docs: readonly JsonValue[] }
  | { readonly ok: false; readonly error: string };

/**
 * Nodes one document may expand to: aliases can repeat a big node many times (a billion
 * laughs). Twenty times the entries the limits let a file have, a few ms of work.
 */
const MAX_NODES = 20_000;

class TooBig extends Error {}

/** go-yaml's words for an alias it cannot expand. */
class AnchorError extends Error {}

/** kubectl's YAMLReader: a line `---` (trailing spaces allowed) ends a document. */
function splitDocuments(text: string): string[] {
  const docs: string[] = [];
  let current: string[] = [];
  for (const line of text.split(/(?<=\n)/)) {
    if (/^---\s*$/.test(line)) {
      if (current.length > 0) docs.push(current.join(''));
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) docs.push(current.join(''));
  return docs;
}

const lineAt = (text: string, pos: number): number => {
  let n = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text[i] === '\n') n += 1;
  return n;
};

/** go-yaml's wording of the first error the `yaml` package found in one document. */
function goYamlError(text: string, e: Yaml.YAMLError): string {
  const line = e.linePos?.[0]?.line ?? lineAt(text, e.pos[0]);
  const endLine = e.linePos?.[1]?.line ?? line;
  const at = (n: number, what: string) => (n > 0 ? `yaml: line ${n}: ${what}` : `yaml: ${what}`);
  const m = e.message;
  if (e.code === 'TAB_AS_INDENT') return at(line, 'found character that cannot start any token');
  if (/^Missing closing ["']quote/.test(m))
    return at(lineAt(text, text.length), 'found unexpected end of stream');
  if (/^Flow (map|sequence) in block collection/.test(m) || /^Expected flow (map|sequence) to end/.test(m)) {
    const close = m.includes('map') ? '}' : ']';
    const open = close === '}' ? '{' : '[';
    const empty = text.slice(text.lastIndexOf(open) + 1).trim() === '';
    return at(
      lineAt(text, text.length) - 1,
      empty ? 'did not find expected node content' : `did not find expected ',' or '${close}'`,
    );
  }
  if (/^Nested mappings are not allowed/.test(m)) {
    const colon = text.slice(e.pos[0]).search(/:(\s|$)/);
    return at(lineAt(text, e.pos[0] + Math.max(0, colon)), 'mapping values are not allowed in this context');
  }
  if (e.code === 'MULTILINE_IMPLICIT_KEY' || /^Implicit map keys need to be followed/.test(m))
    return at(line + 1, "could not find expected ':'");
  if (e.code === 'BAD_ALIAS' || /alias/i.test(m)) {
    const name = /\*([^\s,\]}]+)/.exec(text.slice(e.pos[0]))?.[1] ?? '';
    return `yaml: unknown anchor '${name}' referenced`;
  }
  if (
    e.code === 'BAD_INDENT' ||
    e.code === 'BLOCK_AS_IMPLICIT_KEY' ||
    /^Sequence item without/.test(m) ||
    e.code === 'UNEXPECTED_TOKEN'
  )
    return at(line - 1, 'did not find expected key');
  return at(endLine, 'did not find expected key');
}

/** A node of the `yaml` package's tree as sigs.k8s.io/yaml's JSON (keys are strings). */
function toJson(
  node: unknown,
  doc: Yaml.Document,
  budget: { left: number },
  open: Set<unknown> = new Set(),
  targets: Map<unknown, unknown> = new Map(),
): JsonValue {
  budget.left -= 1;
  if (budget.left < 0) throw new TooBig();
  if (Yaml.isAlias(node)) {
    // resolve() walks the whole document; an alias expanded many times is resolved once.
    const target = targets.has(node) ? targets.get(node) : node.resolve(doc);
    targets.set(node, target);
    if (target === undefined) throw new AnchorError(`unknown anchor '${node.source}' referenced`);
    if (open.has(target)) throw new AnchorError(`anchor '${node.source}' value contains itself`);
    open.add(target);
    const v = toJson(target, doc, budget, open, targets);
    open.delete(target);
    return v;
  }
  if (Yaml.isMap(node)) {
    const out: { [key: string]: JsonValue } = Object.create(null);
    for (const pair of node.items) {
      const k = Yaml.isScalar(pair.key) ? pair.key.value : pair.key;
      const key =
        k === null || k === undefined ? 'null' : typeof k === 'object' ? JSON.stringify(k) : String(k);
      out[key] = toJson(pair.value, doc, budget, open, targets);
    }
    return out;
  }
  if (Yaml.isSeq(node)) return node.items.map((n) => toJson(n, doc, budget, open, targets));
  if (Yaml.isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return null;
    if (typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : String(node.source ?? v);
    if (typeof v === 'bigint') return Number(v);
    // Timestamps and other tagged scalars stay the text they were written as.
    return String(node.source ?? v);
  }
  return null;
}

/** Go's encoding/json error (apimachinery adds the 0-based line of the bad character). */
function jsonError(text: string): string {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && ' \t\r\n'.includes(text[i] as string)) i += 1;
  };
  const fail = (what: string): never => {
    if (i >= n) throw new Error('unexpected EOF');
    const start = text.lastIndexOf('\n', i) + 1;
    const line = text.slice(0, start).split('\n').length - 1;
    throw new Error(`json: line ${line}: invalid character '${text[i]}' ${what}`);
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i += 1;
      ws();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('looking for beginning of object key string');
        string();
        ws();
        if (text[i] !== ':') fail('after object key');
        i += 1;
        value();
        ws();
        if (text[i] === ',') i += 1;
        else if (text[i] === '}') {
          i += 1;
          return;
        } else fail('after object key:value pair');
      }
    }
    if (c === '[') {
      i += 1;
      ws();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i += 1;
        else if (text[i] === ']') {
          i += 1;
          return;
        } else fail('after array element');
      }
    }
    if (c === '"') {
      string();
      return;
    }
    const lit = /^(true|false|null|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?)/.exec(
      text.slice(i, i + 400),
    );
    if (!lit) fail('looking for beginning of value');
    i += (lit as RegExpExecArray)[0].length;
  };
  const string = (): void => {
    i += 1;
    while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i += 1;
  };
  try {
    ws();
    while (i < n) {
      value();
      ws();
    }
    if (i > n) return 'unexpected EOF';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return '';
}

/** Null-prototype copies, so a parsed `__proto__` key stays a key. */
function plain(v: unknown): JsonValue {
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'object' && v !== null) {
    const out: { [key: string]: JsonValue } = Object.create(null);
    for (const [k, x] of Object.entries(v)) out[k] = plain(x);
    return out;
  }
  return v as JsonValue;
}

/** The documents of a manifest file, or kubectl's error after `error parsing <file>: `. */
export function decodeManifest(text: string): Decoded {
  if (text.trimStart().startsWith('{')) {
    const bad = jsonError(text);
    if (bad !== '') return { ok: false, error: bad };
    // Several JSON values may follow one another; each is a document.
    const docs: JsonValue[] = [];
    const rest = text.trim();
    let depth = 0;
    let start = 0;
    let quoted = false;
    for (let i = 0; i < rest.length; i++) {
      const c = rest[i];
      if (quoted) {
        if (c === '\\') i += 1;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === '{' || c === '[') depth += 1;
      else if ((c === '}' || c === ']') && --depth === 0) {
        docs.push(plain(JSON.parse(rest.slice(start, i + 1))));
        start = i + 1;
      }
    }
    return { ok: true, docs };
  }
  const docs: JsonValue[] = [];
  for (const chunk of splitDocuments(text)) {
    const doc = Yaml.parseDocument(chunk, { version: '1.1', uniqueKeys: false, prettyErrors: false });
    const first = doc.errors[0];
    if (first) return { ok: false, error: `error converting YAML to JSON: ${goYamlError(chunk, first)}` };
    try {
      const v = toJson(doc.contents, doc, { left: MAX_NODES });
      if (v !== null) docs.push(v);
    } catch (e) {
      if (e instanceof TooBig)
        return {
          ok: false,
          error: `error converting YAML to JSON: podscope: a document expands to more than ${MAX_NODES.toLocaleString('en-US')} nodes`,
        };
      if (e instanceof AnchorError)
        return { ok: false, error: `error converting YAML to JSON: yaml: ${e.message}` };
      throw e;
    }
  }
  return { ok: true, docs };
}
