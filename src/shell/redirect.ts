// Redirections of one command, applied left to right as bash applies them: `> f`
// empties (or creates) f before the command runs and each line it prints is appended;
// `>> f` appends; `< f` feeds f to its stdin; `2>`, `2>>` and `2>&1` do the same for
// its errors; `&> f` sends both. Errors are bash's: `-bash: f: No such file or directory`.
import type { HostShell } from './command';
import { FileSystem } from './fs';
import type { Expansion, Redirect } from './parseCommandLine';

export interface Streams {
  /** Where the command's stdout goes instead of the terminal or the pipe. */
  readonly stdout?: (text: string) => void;
  readonly stderr?: (text: string) => void;
  /** `2>&1` with stdout still on the pipe: errors go down the pipe too. */
  readonly stderrToStdout?: boolean;
  /** The text of a file given with `<`. */
  readonly stdin?: string;
}

export type Opened =
  | { readonly ok: true; readonly streams: Streams }
  | { readonly ok: false; readonly error: string };

const discard = (): void => {};

/** A writer that appends each printed line (as the terminal would show it) to a file. */
function fileWriter(shell: HostShell, path: string): (text: string) => void {
  return (text) => shell.fs.write(path, `${shell.fs.read(path) ?? ''}${text}\n`);
}

/** Opens a file for writing as bash does, or says why it cannot. */
function openForWrite(
  shell: HostShell,
  target: string,
  append: boolean,
): { writer: (text: string) => void } | { error: string } {
  if (target === '/dev/null') return { writer: discard };
  if (target === '') return { error: ': No such file or directory' };
  const path = shell.resolve(target);
  if (shell.fs.isDir(path)) return { error: `${target}: Is a directory` };
  if (!shell.fs.isDir(FileSystem.dirname(path))) return { error: `${target}: No such file or directory` };
  if (!append || !shell.fs.isFile(path)) shell.fs.write(path, '');
  return { writer: fileWriter(shell, path) };
}

export function openRedirects(shell: HostShell, redirects: readonly Redirect[]): Opened {
  let stdout: ((text: string) => void) | undefined;
  let stderr: ((text: string) => void) | undefined;
  let stderrToStdout = false;
  let stdin: string | undefined;
  for (const r of redirects) {
    if (r.op === '2>&1') {
      stderr = stdout;
      stderrToStdout = stdout === undefined;
      continue;
    }
    if (r.op === '<') {
      const path = shell.resolve(r.target);
      const text = r.target === '/dev/null' ? '' : shell.fs.read(path);
      if (text === undefined)
        return {
          ok: false,
          error: `${r.target}: ${shell.fs.isDir(path) ? 'Is a directory' : 'No such file or directory'}`,
        };
      stdin = text;
      continue;
    }
    const opened = openForWrite(shell, r.target, r.op === '>>' || r.op === '2>>');
    if ('error' in opened) return { ok: false, error: opened.error };
    if (r.op === '>' || r.op === '>>') stdout = opened.writer;
    else if (r.op === '&>') {
      stdout = opened.writer;
      stderr = opened.writer;
      stderrToStdout = false;
    } else {
      stderr = opened.writer;
      stderrToStdout = false;
    }
  }
  return {
    ok: true,
    streams: {
      ...(stdout ? { stdout } : {}),
      ...(stderr ? { stderr } : {}),
      ...(stderrToStdout ? { stderrToStdout } : {}),
      ...(stdin !== undefined ? { stdin } : {}),
    },
  };
}

/** An unquoted here-document's body: `$NAME`, `${NAME}` and `$?` expand; `\$`, `` \` `` and `\\` escape. */
export function expandHereDoc(body: string, exp: Expansion): string {
  return body.replace(
    /\\([$`\\])|\$\{([A-Za-z_][A-Za-z0-9_]*|\?)\}|\$([A-Za-z_][A-Za-z0-9_]*|\?)/g,
    (_m, escaped: string | undefined, braced: string | undefined, plain: string | undefined) => {
      if (escaped !== undefined) return escaped;
      if (braced === '?' || plain === '?') return exp.variable('?') ?? '';
      return exp.variable((braced ?? plain) as string) ?? '';
    },
  );
}
