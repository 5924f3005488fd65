// Filters at the end of a pipe: grep (-v, -i, -c, -w, -E), wc -l, head, tail,
// and echo. grep passes lines on as they come, so it works behind a command
// that is still waiting.
import type { CommandIO } from '../command';
import { defineCommand, fail, ok } from '../command';

interface Grep {
  readonly invert: boolean;
  readonly count: boolean;
  readonly match: (line: string) => boolean;
  readonly files: string[];
  /** -A and -B: lines of context after and before each match (-C sets both). */
  readonly after: number;
  readonly before: number;
}

/** Prints matching lines with their context, as GNU grep does (`--` between separate groups). */
function matcher(g: Grep, out: (line: string) => void) {
  let index = 0;
  let lastPrinted = -1;
  let afterLeft = 0;
  let count = 0;
  const recent: [number, string][] = [];
  const print = (i: number, line: string) => {
    if (lastPrinted >= 0 && i > lastPrinted + 1 && (g.after > 0 || g.before > 0)) out('--');
    out(line);
    lastPrinted = i;
  };
  return {
    line(line: string, prefix: string) {
      const i = index++;
      if (g.match(line) !== g.invert) {
        count++;
        if (!g.count) {
          for (const [j, l] of recent) if (j > lastPrinted) print(j, l);
          print(i, prefix + line);
        }
        afterLeft = g.after;
      } else if (afterLeft > 0 && !g.count) {
        afterLeft--;
        print(i, prefix + line);
      }
      recent.push([i, prefix + line]);
      if (recent.length > g.before) recent.shift();
    },
    get count() {
      return count;
    },
  };
}

function toRegExp(pattern: string, ignoreCase: boolean, word: boolean, extended: boolean): RegExp {
  // Basic regular expressions treat + ? | ( ) { } literally; extended ones do not.
  // In one pass: `\|` becomes the operator, a bare `|` the character, other escapes stay.
  let source = extended
    ? pattern
    : pattern.replace(/\\(.)|([+?|(){}])/g, (_, escaped: string | undefined, bare: string | undefined) =>
        escaped === undefined ? `\\${bare}` : '+?|(){}'.includes(escaped) ? escaped : `\\${escaped}`,
      );
  if (word) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  try {
    return new RegExp(source, ignoreCase ? 'i' : '');
  } catch {
    return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), ignoreCase ? 'i' : '');
  }
}

const usage = "Usage: grep [OPTION]... PATTERN [FILE]...\nTry 'grep --help' for more information.";

export const grep = defineCommand<Grep>({
  name: 'grep',
  parse(args) {
    const flags = new Set<string>();
    const context = { A: 0, B: 0 };
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '--color=auto' || a === '--color') continue;
      if (!(a.startsWith('-') && a.length > 1 && rest.length === 0)) {
        rest.push(a);
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        if (c === 'A' || c === 'B' || c === 'C') {
          const text = a.slice(j + 1) || (args[++i] ?? '');
          const n = Number(text);
          if (!/^\d+$/.test(text)) return fail(`grep: ${text}: invalid context length argument`, 2);
          if (c !== 'B') context.A = n;
          if (c !== 'A') context.B = n;
          break;
        }
        if (!'vicwEF'.includes(c)) return fail(`grep: invalid option -- '${c}'\n${usage}`, 2);
        flags.add(c);
      }
    }
    const [pattern, ...files] = rest;
    if (pattern === undefined) return fail(usage, 2);
    const re = flags.has('F') ? undefined : toRegExp(pattern, flags.has('i'), flags.has('w'), flags.has('E'));
    const needle = flags.has('i') ? pattern.toLowerCase() : pattern;
    const match = re
      ? (l: string) => re.test(l)
      : (l: string) => (flags.has('i') ? l.toLowerCase() : l).includes(needle);
    return ok({
      invert: flags.has('v'),
      count: flags.has('c'),
      match,
      files,
      after: context.A,
      before: context.B,
    });
  },
  run(g, io) {
    if (g.files.length > 0) {
      let code = 0;
      let n = 0;
      for (const f of g.files) {
        const text = io.shell.fs.read(io.shell.resolve(f));
        if (text === undefined) {
          io.err(`grep: ${f}: No such file or directory`);
          code = 2;
          continue;
        }
        const m = matcher(g, (l) => io.out(l));
        for (const line of text.replace(/\n$/, '').split('\n'))
          m.line(line, g.files.length > 1 ? `${f}:` : '');
        n += m.count;
      }
      if (g.count) io.out(String(n));
      return io.exit(code || (n > 0 ? 0 : 1));
    }
    const m = matcher(g, (l) => io.out(l));
    io.stdin.read(
      (line) => m.line(line, ''),
      () => {
        if (g.count) io.out(String(m.count));
        io.exit(m.count > 0 ? 0 : 1);
      },
    );
  },
});

/** Collects stdin (or a file), then prints what `pick` makes of its lines. */
function readAll(
  io: CommandIO,
  file: string | undefined,
  cmd: string,
  pick: (lines: string[]) => string[],
): void {
  if (file !== undefined) {
    const text = io.shell.fs.read(io.shell.resolve(file));
    if (text === undefined) {
      io.err(`${cmd}: ${file}: No such file or directory`);
      io.exit(1);
      return;
    }
    const out = pick(text.replace(/\n$/, '').split('\n'));
    if (out.length > 0) io.out(out.join('\n'));
    io.exit(0);
    return;
  }
  const lines: string[] = [];
  io.stdin.read(
    (l) => lines.push(l),
    () => {
      const out = pick(lines);
      if (out.length > 0) io.out(out.join('\n'));
      io.exit(0);
    },
  );
}

function countOption(args: readonly string[]): { n: number; file: string | undefined } {
  let n = 10;
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-n') n = Number.parseInt(args[++i] ?? '10', 10);
    else if (/^-n?\d+$/.test(a)) n = Number.parseInt(a.replace(/^-n?/, ''), 10);
    else file = a;
  }
  return { n: Number.isNaN(n) ? 10 : n, file };
}

export const head = defineCommand<{ n: number; file: string | undefined }>({
  name: 'head',
  parse: (args) => ok(countOption(args)),
  run: ({ n, file }, io) => {
    if (file !== undefined) return readAll(io, file, 'head', (lines) => lines.slice(0, n));
    // head prints each line as it comes and exits after the n-th, so `kubectl get -w | head`
    // shows its lines at once; the writer then dies of SIGPIPE at its next line.
    let seen = 0;
    if (n <= 0) return io.exit(0);
    io.stdin.read(
      (line) => {
        if (seen >= n) return;
        io.out(line);
        if (++seen === n) io.exit(0);
      },
      () => io.exit(0),
    );
  },
});

export const tail = defineCommand<{ n: number; file: string | undefined }>({
  name: 'tail',
  parse: (args) => ok(countOption(args)),
  run: ({ n, file }, io) => readAll(io, file, 'tail', (lines) => (n === 0 ? [] : lines.slice(-n))),
});

export const wc = defineCommand<{ lines: boolean; file: string | undefined }>({
  name: 'wc',
  parse: (args) => ok({ lines: args.includes('-l'), file: args.find((a) => !a.startsWith('-')) }),
  run: ({ lines, file }, io) =>
    readAll(io, file, 'wc', (ls) => {
      const words = ls.join(' ').split(/\s+/).filter(Boolean).length;
      const chars = ls.reduce((s, l) => s + l.length + 1, 0);
      const suffix = file ? ` ${file}` : '';
      return [
        lines
          ? `${ls.length}${suffix}`
          : `${String(ls.length).padStart(7)} ${String(words).padStart(7)} ${String(chars).padStart(7)}${suffix}`,
      ];
    }),
});

export const echo = defineCommand<{ text: string; newline: boolean }>({
  name: 'echo',
  parse: (args) => {
    const n = args[0] === '-n';
    return ok({ text: (n ? args.slice(1) : args).join(' '), newline: !n });
  },
  run({ text }, io) {
    io.out(text);
    io.exit(0);
  },
});
