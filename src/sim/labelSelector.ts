// Label selectors as the API server parses them: a port of apimachinery 1.18.4
// `pkg/labels/selector.go` (lexer, parser, requirements) with its error texts,
// so `-l 'app in (a,b),!tier'` matches and `-l 'app in'` fails as a real server does.

type Op = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  readonly key: string;
  readonly op: Op;
  readonly values: readonly string[];
}

export type Labels = Readonly<Record<string, string>>;

type Tok = 'error' | 'end' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';

const literalTokens: Record<string, Tok> = {
  ')': ')',
  ',': ',',
  '!': '!',
  '==': '==',
  '=': '=',
  '>': '>',
  in: 'in',
  '<': '<',
  '!=': '!=',
  notin: 'notin',
  '(': '(',
};

const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string) => '=!(),><'.includes(c);

function lex(s: string): { tok: Tok; lit: string }[] {
  const items: { tok: Tok; lit: string }[] = [];
  let pos = 0;
  // Go reads bytes; a NUL byte ends the string as the lexer's 0 does.
  const read = () => (pos < s.length ? (s[pos++] as string) : '\0');
  for (;;) {
    let c = read();
    while (isWhitespace(c)) c = read();
    if (c === '\0') {
      items.push({ tok: 'end', lit: '' });
      return items;
    }
    pos--;
    if (isSpecial(c)) {
      let buffer = '';
      let last: { tok: Tok; lit: string } | undefined;
      for (;;) {
        const ch = read();
        if (ch === '\0') break;
        if (isSpecial(ch)) {
          buffer += ch;
          const t = literalTokens[buffer];
          if (t) last = { tok: t, lit: buffer };
          else if (last) {
            pos--;
            break;
          }
        } else {
          pos--;
          break;
        }
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buffer}'` });
      continue;
    }
    let buffer = '';
    for (;;) {
      const ch = read();
      if (ch === '\0') break;
      if (isSpecial(ch) || isWhitespace(ch)) {
        pos--;
        break;
      }
      buffer += ch;
    }
    items.push({ tok: literalTokens[buffer] ?? 'id', lit: buffer });
  }
}

const qnameFmt = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const qnameRe = new RegExp(`^${qnameFmt}$`);
const dnsSubFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const dnsSubRe = new RegExp(`^${dnsSubFmt}$`);
const labelValueFmt = `(${qnameFmt})?`;
const labelValueRe = new RegExp(`^${labelValueFmt}$`);

/** Go's RegexError: "msg (e.g. 'a' or 'b', regex used for validation is 'fmt')". */
function regexError(msg: string, fmt: string, ...examples: string[]): string {
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

/** IsQualifiedName's errors (also kubectl taint's key check). */
export function qualifiedNameErrors(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  const nameMsg = regexError(
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
    qnameFmt,
    'MyName',
    'my.name',
    '123-abc',
  );
  if (parts.length > 2)
    return [
      `a qualified name ${nameMsg} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  const name = parts.length === 2 ? (parts[1] as string) : (parts[0] as string);
  if (parts.length === 2) {
    const prefix = parts[0] as string;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else {
      if (prefix.length > 253) errs.push('prefix part must be no more than 253 characters');
      if (!dnsSubRe.test(prefix))
        errs.push(
          `prefix part ${regexError("a DNS-1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", dnsSubFmt, 'example.com')}`,
        );
    }
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (!qnameRe.test(name)) errs.push(`name part ${nameMsg}`);
  return errs;
}

function validateKey(k: string): string | undefined {
  const errs = qualifiedNameErrors(k);
  return errs.length ? `invalid label key "${goQuote(k)}": ${errs.join('; ')}` : undefined;
}

/** IsValidLabelValue's errors (also kubectl label's and taint's value checks). */
export function labelValueErrors(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 63) errs.push('must be no more than 63 characters');
  if (!labelValueRe.test(v))
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        labelValueFmt,
        'MyValue',
        'my_value',
        '12345',
      ),
    );
  return errs;
}

function validateValue(k: string, v: string): string | undefined {
  const errs = labelValueErrors(v);
  return errs.length
    ? `invalid label value: "${goQuote(v)}": at key: "${goQuote(k)}": ${errs.join('; ')}`
    : undefined;
}

/** The inside of Go's %q for the printable ASCII the shell lets through. */
function goQuote(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}

class ParseError extends Error {}

function newRequirement(key: string, op: Op, vals: string[]): Requirement {
  const bad = validateKey(key);
  if (bad) throw new ParseError(bad);
  if ((op === 'in' || op === 'notin') && vals.length === 0)
    throw new ParseError("for 'in', 'notin' operators, values set can't be empty");
  if ((op === '=' || op === '==' || op === '!=') && vals.length !== 1)
    throw new ParseError('exact-match compatibility requires one single value');
  if (op === 'gt' || op === 'lt') {
    if (vals.length !== 1) throw new ParseError("for 'Gt', 'Lt' operators, exactly one value is required");
    if (!/^[-+]?\d+$/.test(vals[0] as string))
      throw new ParseError("for 'Gt', 'Lt' operators, the value must be an integer");
  }
  for (const v of vals) {
    const e = validateValue(key, v);
    if (e) throw new ParseError(e);
  }
  return { key, op, values: vals };
}

function parseItems(items: { tok: Tok; lit: string }[]): Requirement[] {
  let p = 0;
  const look = (values: boolean) => {
    const it = items[p] as { tok: Tok; lit: string };
    const tok = values && (it.tok === 'in' || it.tok === 'notin') ? 'id' : it.tok;
    return { tok, lit: it.lit };
  };
  const consume = (values: boolean) => {
    const r = look(values);
    p++;
    return r;
  };
  const sorted = (s: Set<string>) => [...s].sort();
  const parseValues = (): string[] => {
    let { tok, lit } = consume(true);
    if (tok !== '(') throw new ParseError(`found '${lit}' expected: '('`);
    ({ tok, lit } = look(true));
    if (tok === ')') {
      consume(true);
      return [''];
    }
    if (tok !== 'id' && tok !== ',') throw new ParseError(`found '${lit}', expected: ',', ')' or identifier`);
    const s = new Set<string>();
    for (;;) {
      const c = consume(true);
      if (c.tok === 'id') {
        s.add(c.lit);
        const n = look(true);
        if (n.tok === ',') continue;
        if (n.tok === ')') break;
        throw new ParseError(`found '${n.lit}', expected: ',' or ')'`);
      } else if (c.tok === ',') {
        if (s.size === 0) s.add('');
        const n = look(true);
        if (n.tok === ')') {
          s.add('');
          break;
        }
        if (n.tok === ',') {
          consume(true);
          s.add('');
        }
      } else throw new ParseError(`found '${c.lit}', expected: ',', or identifier`);
    }
    if (consume(true).tok !== ')') throw new ParseError(`found '${lit}', expected: ')'`);
    return sorted(s);
  };
  const parseRequirement = (): Requirement => {
    let op: Op | undefined;
    let { tok, lit } = consume(true);
    if (tok === '!') {
      op = '!';
      ({ tok, lit } = consume(true));
    }
    if (tok !== 'id') throw new ParseError(`found '${lit}', expected: identifier`);
    const keyError = validateKey(lit);
    if (keyError) throw new ParseError(keyError);
    const key = lit;
    const next = look(true).tok;
    if (next === 'end' || next === ',') return newRequirement(key, op === '!' ? '!' : 'exists', []);
    if (op === '!') return newRequirement(key, '!', []);
    const o = consume(false);
    const ops: Partial<Record<Tok, Op>> = {
      in: 'in',
      '=': '=',
      '==': '==',
      '>': 'gt',
      '<': 'lt',
      notin: 'notin',
      '!=': '!=',
    };
    const operator = ops[o.tok];
    if (!operator) throw new ParseError(`found '${o.lit}', expected: '=', '!=', '==', 'in', notin'`);
    if (operator === 'in' || operator === 'notin') return newRequirement(key, operator, parseValues());
    const v = look(true);
    if (v.tok === 'end' || v.tok === ',') return newRequirement(key, operator, ['']);
    const c = consume(true);
    if (c.tok !== 'id') throw new ParseError(`found '${c.lit}', expected: identifier`);
    return newRequirement(key, operator, [c.lit]);
  };
  const reqs: Requirement[] = [];
  for (;;) {
    const { tok, lit } = look(true);
    if (tok === 'end') return reqs;
    if (tok !== 'id' && tok !== '!')
      throw new ParseError(`found '${lit}', expected: !, identifier, or 'end of string'`);
    try {
      reqs.push(parseRequirement());
    } catch (e) {
      if (e instanceof ParseError) throw new ParseError(`unable to parse requirement: ${e.message}`);
      throw e;
    }
    const t = consume(true);
    if (t.tok === 'end') return reqs;
    if (t.tok !== ',') throw new ParseError(`found '${t.lit}', expected: ',' or 'end of string'`);
    const n = look(true);
    if (n.tok !== 'id' && n.tok !== '!')
      throw new ParseError(`found '${n.lit}', expected: identifier after ','`);
  }
}

export type ParsedSelector =
  | { readonly ok: true; readonly requirements: readonly Requirement[] }
  | { readonly ok: false; readonly error: string };

/** labels.Parse: the requirements, sorted by key, or the parser's error. */
export function parseLabelSelector(selector: string): ParsedSelector {
  try {
    const reqs = parseItems(lex(selector));
    return { ok: true, requirements: [...reqs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message };
    throw e;
  }
}

function requirementMatches(r: Requirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = has ? labels[r.key] : undefined;
  switch (r.op) {
    case 'in':
    case '=':
    case '==':
      return has && r.values.includes(value as string);
    case 'notin':
    case '!=':
      return !has || !r.values.includes(value as string);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !/^[-+]?\d+$/.test(value as string)) return false;
      const a = Number(value);
      const b = Number(r.values[0]);
      return r.op === 'gt' ? a > b : a < b;
    }
  }
}

export function labelsMatch(reqs: readonly Requirement[], labels: Labels | undefined): boolean {
  return reqs.every((r) => requirementMatches(r, labels ?? {}));
}
