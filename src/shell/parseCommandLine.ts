// Bash's command line, as much of it as the lab needs: words with '…' and "…"
// quoting and backslashes, ~ and $VAR expansion, NAME=value prefixes, pipes,
// lists joined by &&, || and ;, redirections (`>`, `>>`, `<`, `2>`, `2>>`, `2>&1`,
// `&>`) and here-documents (`<<EOF`, `<<'EOF'`, `<<-EOF`). Errors are bash's own messages.

export type RedirectOp = '>' | '>>' | '<' | '2>' | '2>>' | '2>&1' | '&>';

export interface Redirect {
  readonly op: RedirectOp;
  /** The file, expanded as a word ('' for 2>&1). */
  readonly target: string;
}

/** A here-document: its body is read from the lines typed after the command line. */
export interface HereDoc {
  readonly delimiter: string;
  /** A quoted delimiter (`<<'EOF'`) leaves the body as typed; otherwise $VAR is expanded. */
  readonly quoted: boolean;
  /** `<<-`: leading tabs are stripped from the body and the delimiter line. */
  readonly stripTabs: boolean;
}

export interface SimpleCommand {
  /** NAME=value words before the command name (`ETCDCTL_API=3 etcdctl ...`). */
  readonly assignments: readonly (readonly [string, string])[];
  readonly words: readonly string[];
  /** In the order typed; bash applies them left to right. */
  readonly redirects?: readonly Redirect[];
  readonly hereDoc?: HereDoc;
}

export interface Pipeline {
  readonly commands: readonly SimpleCommand[];
}

export type ListOperator = '&&' | '||' | ';';

export interface CommandList {
  /** Each pipeline with the operator that joins it to the one before (first: ';'). */
  readonly items: readonly { readonly op: ListOperator; readonly pipeline: Pipeline }[];
}

export type ParseResult =
  | { readonly ok: true; readonly list: CommandList }
  | { readonly ok: false; readonly error: string };

export interface Expansion {
  readonly home: string;
  /** Value of a shell variable ($HOME, $?); undefined expands to nothing. */
  readonly variable: (name: string) => string | undefined;
}

type Token =
  | { readonly kind: 'word'; readonly text: string; readonly assignable: boolean; readonly quoted: boolean }
  | { readonly kind: 'op'; readonly text: '|' | ListOperator }
  | { readonly kind: 'redirect'; readonly op: RedirectOp | '<<' | '<<-' };

/** Redirection operators at line[i], longest first. */
const redirectOps: readonly (RedirectOp | '<<' | '<<-')[] = [
  '2>&1',
  '2>>',
  '<<-',
  '&>',
  '2>',
  '>>',
  '<<',
  '>',
  '<',
];

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function tokenize(line: string, exp: Expansion): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line[i] as string;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#') break;
    // `2>` only where a word starts; `a2>f` is the word a2 and a redirection.
    const redirect = redirectOps.find(
      (op) => line.startsWith(op, i) && (op[0] !== '2' || i === 0 || ' \t'.includes(line[i - 1] as string)),
    );
    if (redirect) {
      tokens.push({ kind: 'redirect', op: redirect });
      i += redirect.length;
      continue;
    }
    if (c === '|' || c === '&' || c === ';') {
      const two = line.slice(i, i + 2);
      if (two === '&&' || two === '||') {
        tokens.push({ kind: 'op', text: two });
        i += 2;
      } else if (c === '&') {
        return 'background jobs (&) are not part of this lab';
      } else {
        tokens.push({ kind: 'op', text: c });
        i++;
      }
      continue;
    }
    let text = '';
    let quotedAny = false;
    let assignable = true;
    const start = i;
    while (i < n) {
      const ch = line[i] as string;
      if (ch === ' ' || ch === '\t' || ch === '|' || ch === '&' || ch === ';' || ch === '<' || ch === '>')
        break;
      if (ch === '\\') {
        text += line[i + 1] ?? '';
        i += 2;
        quotedAny = true;
      } else if (ch === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) return "unexpected EOF while looking for matching `''";
        text += line.slice(i + 1, end);
        i = end + 1;
        quotedAny = true;
      } else if (ch === '"') {
        i++;
        let closed = false;
        while (i < n) {
          const q = line[i] as string;
          if (q === '"') {
            closed = true;
            i++;
            break;
          }
          if (q === '\\' && i + 1 < n && '"\\$`'.includes(line[i + 1] as string)) {
            text += line[i + 1];
            i += 2;
          } else if (q === '$') {
            const [value, next] = variableAt(line, i, exp);
            text += value;
            i = next;
          } else {
            text += q;
            i++;
          }
        }
        if (!closed) return 'unexpected EOF while looking for matching `"\'';
        quotedAny = true;
      } else if (ch === '$') {
        const [value, next] = variableAt(line, i, exp);
        text += value;
        i = next;
      } else if (ch === '~' && i === start) {
        // Tilde expansion only at the start of an unquoted word, before / or its end.
        const after = line[i + 1];
        if (after === undefined || after === '/' || after === ' ' || after === '\t') {
          text += exp.home;
          assignable = false;
        } else text += ch;
        i++;
      } else {
        text += ch;
        i++;
      }
    }
    tokens.push({
      kind: 'word',
      text,
      assignable: assignable && !quotedAny ? true : assignable,
      quoted: quotedAny,
    });
  }
  return tokens;
}

/** `$NAME`, `${NAME}` or `$?` at line[i]; a lone `$` stays itself. */
function variableAt(line: string, i: number, exp: Expansion): [string, number] {
  const rest = line.slice(i + 1);
  const braced = /^\{([A-Za-z_][A-Za-z0-9_]*|\?)\}/.exec(rest);
  if (braced) return [exp.variable(braced[1] as string) ?? '', i + 1 + braced[0].length];
  const plain = /^([A-Za-z_][A-Za-z0-9_]*|\?)/.exec(rest);
  if (plain) return [exp.variable(plain[1] as string) ?? '', i + 1 + plain[0].length];
  return ['$', i + 1];
}

export function parseCommandLine(line: string, exp: Expansion): ParseResult {
  const tokens = tokenize(line, exp);
  if (typeof tokens === 'string') return { ok: false, error: tokens };
  const items: { op: ListOperator; pipeline: Pipeline }[] = [];
  let commands: SimpleCommand[] = [];
  let words: string[] = [];
  let assignments: [string, string][] = [];
  let redirects: Redirect[] = [];
  let hereDoc: HereDoc | undefined;
  let op: ListOperator = ';';
  const unexpected = (t: string) => `syntax error near unexpected token \`${t}'`;

  const endCommand = (): boolean => {
    if (words.length === 0 && assignments.length === 0 && redirects.length === 0 && !hereDoc) return false;
    commands.push({
      assignments,
      words,
      ...(redirects.length > 0 ? { redirects } : {}),
      ...(hereDoc ? { hereDoc } : {}),
    });
    words = [];
    assignments = [];
    redirects = [];
    hereDoc = undefined;
    return true;
  };

  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'redirect') {
      if (t.op === '2>&1') {
        redirects.push({ op: '2>&1', target: '' });
        continue;
      }
      const target = tokens[k + 1];
      if (target?.kind !== 'word') {
        const next =
          target?.kind === 'op' ? target.text : target?.kind === 'redirect' ? target.op : 'newline';
        return { ok: false, error: unexpected(next) };
      }
      k += 1;
      if (t.op === '<<' || t.op === '<<-') {
        hereDoc = { delimiter: target.text, quoted: target.quoted, stripTabs: t.op === '<<-' };
      } else redirects.push({ op: t.op, target: target.text });
      continue;
    }
    if (t.kind === 'word') {
      const eq = t.text.indexOf('=');
      if (words.length === 0 && t.assignable && eq > 0 && NAME.test(t.text.slice(0, eq))) {
        assignments.push([t.text.slice(0, eq), t.text.slice(eq + 1)]);
      } else words.push(t.text);
      continue;
    }
    if (!endCommand()) return { ok: false, error: unexpected(t.text) };
    if (t.text === '|') continue;
    items.push({ op, pipeline: { commands } });
    commands = [];
    op = t.text;
  }
  const ended = endCommand();
  if (!ended && commands.length > 0) return { ok: false, error: 'syntax error: unexpected end of file' };
  if (commands.length > 0) items.push({ op, pipeline: { commands } });
  else if (op === '&&' || op === '||') return { ok: false, error: 'syntax error: unexpected end of file' };
  return { ok: true, list: { items } };
}
