// GNU sed 4.2.2 (CentOS 7), the part the book and its students use: -n, -e, -i[SUFFIX],
// -r/-E, and the commands s///[gpI N], p, d with a line number, $, /regex/ or a range of them.
// It reads files of the lab's file system or its stdin, and -i writes the file back.
import type { CommandIO } from '../command';
import { defineCommand, fail, ok } from '../command';

type Address = { readonly line: number } | { readonly last: true } | { readonly re: RegExp };

interface SedCommand {
  readonly from?: Address;
  readonly to?: Address;
  readonly op: 's' | 'p' | 'd';
  readonly re?: RegExp;
  readonly replacement?: string;
  readonly global?: boolean;
  readonly nth?: number;
  readonly print?: boolean;
}

interface Sed {
  readonly quiet: boolean;
  readonly inPlace?: string;
  readonly commands: readonly SedCommand[];
  readonly files: readonly string[];
}

/** POSIX basic regular expressions to JavaScript: \( \) \{ \} \+ \? \| are the operators, ( ) { } + ? | literals. */
function toJs(pattern: string, extended: boolean): string {
  if (extended) return pattern;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i] as string;
      out += '(){}+?|'.includes(n) ? n : `\\${n}`;
    } else out += '(){}+?|'.includes(c) ? `\\${c}` : c;
  }
  return out;
}

/** sed's replacement: & is the match, \1..\9 the groups, \n a newline, \& a literal &. */
function toJsReplacement(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\' && i + 1 < text.length) {
      const n = text[++i] as string;
      out += /[1-9]/.test(n) ? `$${n}` : n === 'n' ? '\n' : n === '$' ? '$$' : n;
    } else if (c === '&') out += '$&';
    else if (c === '$') out += '$$';
    else out += c;
  }
  return out;
}

class ScriptError extends Error {}

/** Reads text up to an unescaped delimiter; returns it and the index after the delimiter. */
function until(script: string, start: number, delim: string): [string, number] {
  let out = '';
  for (let i = start; i < script.length; i++) {
    const c = script[i] as string;
    if (c === '\\' && script[i + 1] === delim) {
      out += delim;
      i++;
    } else if (c === '\\' && i + 1 < script.length) {
      out += c + (script[++i] as string);
    } else if (c === delim) return [out, i + 1];
    else out += c;
  }
  throw new ScriptError(`unterminated \`s' command`);
}

function parseAddress(script: string, i: number, extended: boolean): [Address | undefined, number] {
  const num = /^\d+/.exec(script.slice(i));
  if (num) return [{ line: Number(num[0]) }, i + num[0].length];
  if (script[i] === '$') return [{ last: true }, i + 1];
  if (script[i] === '/') {
    const [re, next] = until(script, i + 1, '/');
    return [{ re: new RegExp(toJs(re, extended)) }, next];
  }
  return [undefined, i];
}

export function parseScript(script: string, extended: boolean): SedCommand[] {
  const out: SedCommand[] = [];
  let i = 0;
  while (i < script.length) {
    while (i < script.length && /[\s;]/.test(script[i] as string)) i++;
    if (i >= script.length) break;
    const [from, afterFrom] = parseAddress(script, i, extended);
    i = afterFrom;
    let to: Address | undefined;
    if (from && script[i] === ',') [to, i] = parseAddress(script, i + 1, extended);
    const op = script[i];
    const where = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
    if (op === 'p' || op === 'd') {
      out.push({ ...where, op });
      i++;
    } else if (op === 's') {
      const delim = script[i + 1];
      if (!delim) throw new ScriptError(`unterminated \`s' command`);
      const [re, a] = until(script, i + 2, delim);
      const [rep, b] = until(script, a, delim);
      const flags = /^[gpI0-9]*/.exec(script.slice(b))?.[0] ?? '';
      i = b + flags.length;
      if (i < script.length && !/[\s;}]/.test(script[i] as string))
        throw new ScriptError(`unknown option to \`s'`);
      const nth = /\d+/.exec(flags);
      out.push({
        ...where,
        op: 's',
        re: new RegExp(
          toJs(re, extended),
          `${flags.includes('g') ? 'g' : ''}${flags.includes('I') ? 'i' : ''}`,
        ),
        replacement: toJsReplacement(rep),
        global: flags.includes('g'),
        ...(nth ? { nth: Number(nth[0]) } : {}),
        print: flags.includes('p'),
      });
    } else throw new ScriptError(`unknown command: \`${op ?? ''}'`);
  }
  return out;
}

export const sed = defineCommand<Sed>({
  name: 'sed',
  parse(args) {
    let quiet = false;
    let extended = false;
    let inPlace: string | undefined;
    const scripts: string[] = [];
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '-n' || a === '--quiet' || a === '--silent') quiet = true;
      else if (a === '-r' || a === '-E' || a === '--regexp-extended') extended = true;
      else if (a === '-e' || a === '--expression') scripts.push(args[++i] ?? '');
      else if (a.startsWith('--expression=')) scripts.push(a.slice(13));
      else if (a.startsWith('-i') || a.startsWith('--in-place'))
        inPlace = a.startsWith('-i') ? a.slice(2) : a.slice(11);
      else if (/^-[nrE]+$/.test(a)) {
        quiet ||= a.includes('n');
        extended ||= /[rE]/.test(a);
      } else if (a.startsWith('-') && a !== '-')
        return fail(
          `sed: invalid option -- '${a.slice(1, 2)}'\nUsage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...`,
          1,
        );
      else rest.push(a);
    }
    if (scripts.length === 0) {
      const first = rest.shift();
      if (first === undefined)
        return fail('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...', 1);
      scripts.push(first);
    }
    try {
      const commands = scripts.flatMap((s) => parseScript(s, extended));
      if (inPlace !== undefined && rest.length === 0) return fail('sed: no input files', 4);
      return ok({ quiet, ...(inPlace !== undefined ? { inPlace } : {}), commands, files: rest });
    } catch (e) {
      return fail(`sed: -e expression #1, char ${scripts[0]?.length ?? 0}: ${(e as Error).message}`, 1);
    }
  },
  run(cmd, io) {
    if (cmd.files.length === 0) {
      const lines: string[] = [];
      io.stdin.read(
        (l) => lines.push(l),
        () => {
          io.out(edit(cmd, lines).join('\n'));
          io.exit(0);
        },
      );
      return;
    }
    let code = 0;
    for (const f of cmd.files) {
      const path = io.shell.resolve(f);
      const text = io.shell.fs.read(path);
      if (text === undefined) {
        io.err(
          `sed: can't read ${f}: ${io.shell.fs.isDir(path) ? 'Is a directory' : 'No such file or directory'}`,
        );
        code = 2;
        continue;
      }
      const ends = text.endsWith('\n');
      const lines = (ends ? text.slice(0, -1) : text).split('\n');
      const result = edit(cmd, text === '' ? [] : lines);
      if (cmd.inPlace !== undefined) {
        if (cmd.inPlace) io.shell.fs.write(`${path}${cmd.inPlace}`, text);
        io.shell.fs.write(path, result.length === 0 ? '' : `${result.join('\n')}${ends ? '\n' : ''}`);
      } else if (result.length > 0) print(io, result);
    }
    io.exit(code);
  },
});

function print(io: CommandIO, lines: readonly string[]): void {
  io.out(lines.join('\n'));
}

function matches(a: Address, line: string, n: number, last: boolean): boolean {
  if ('line' in a) return a.line === n;
  if ('last' in a) return last;
  return a.re.test(line);
}

function edit(cmd: Sed, lines: readonly string[]): string[] {
  const out: string[] = [];
  const inRange = new Map<SedCommand, boolean>();
  lines.forEach((original, idx) => {
    const n = idx + 1;
    const last = idx === lines.length - 1;
    let line = original;
    let deleted = false;
    for (const c of cmd.commands) {
      if (!selected(c, line, n, last, inRange)) continue;
      if (c.op === 'd') {
        deleted = true;
        break;
      }
      if (c.op === 'p') out.push(line);
      if (c.op === 's' && c.re && c.replacement !== undefined) {
        const before = line;
        if (c.nth !== undefined) {
          let k = 0;
          const re = new RegExp(c.re.source, `g${c.re.flags.includes('i') ? 'i' : ''}`);
          line = line.replace(re, (...m) =>
            ++k === c.nth
              ? (m[0] as string).replace(new RegExp(c.re?.source ?? ''), c.replacement ?? '')
              : (m[0] as string),
          );
        } else line = line.replace(c.re, c.replacement);
        if (c.print && line !== before) out.push(line);
      }
    }
    if (!deleted && !cmd.quiet) out.push(line);
  });
  return out;
}

function selected(
  c: SedCommand,
  line: string,
  n: number,
  last: boolean,
  inRange: Map<SedCommand, boolean>,
): boolean {
  if (!c.from) return true;
  if (!c.to) return matches(c.from, line, n, last);
  if (inRange.get(c)) {
    if (matches(c.to, line, n, last) || ('line' in c.to && n >= c.to.line)) inRange.set(c, false);
    return true;
  }
  if (matches(c.from, line, n, last)) {
    inRange.set(c, !('line' in c.to && c.to.line <= n));
    return true;
  }
  return false;
}
