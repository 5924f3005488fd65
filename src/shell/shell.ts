// The shell of one host: its files, working directory, variables and history,
// and the runner that turns a command line into a Job (pipes, &&, ||, ;).
import type { HostName } from '../sim/inputs';
import type { CommandEntry, CommandIO, HostShell, ShellWorld, Stdin } from './command';
import { commandTable } from './commands';
import { FileSystem } from './fs';
import { Job } from './job';
import { HOME } from './labFiles';
import { labProfile } from './labProfile';
import type { CommandList, Expansion, Pipeline, SimpleCommand } from './parseCommandLine';
import { parseCommandLine } from './parseCommandLine';
import { expandHereDoc, openRedirects } from './redirect';

// The terminal: the lab feeds typed lines to the shell, never to a command's stdin.
const endedStdin: Stdin = { read: (_line, onEnd) => onEnd() };

/** Whether a command's stdin is the terminal (kubectl -t asks), not a pipe or a file. */
export const isTerminal = (stdin: Stdin): boolean => stdin === endedStdin;

/** A command line waiting for the bodies of its here-documents, typed line by line after `> `. */
interface Continuation {
  readonly list: CommandList;
  /** The here-documents still open, in the order bash reads their bodies. */
  readonly commands: SimpleCommand[];
  readonly bodies: Map<SimpleCommand, string[]>;
}

/** A pipe between two commands of a pipeline: lines written before the reader arrives are kept. */
class Pipe implements Stdin {
  private readonly buffered: string[] = [];
  private ended = false;
  /** The reader has exited (`head -3` has its lines): the writer's next write is SIGPIPE. */
  closed = false;
  private onLine: ((line: string) => void) | undefined;
  private onEnd: (() => void) | undefined;

  write(text: string): void {
    for (const line of text.split('\n')) {
      if (this.onLine) this.onLine(line);
      else this.buffered.push(line);
    }
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.onEnd?.();
  }

  read(onLine: (line: string) => void, onEnd: () => void): void {
    this.onLine = onLine;
    this.onEnd = onEnd;
    for (const line of this.buffered.splice(0)) onLine(line);
    if (this.ended) onEnd();
  }
}

/** Stdin that reads a text (a here-document, a file after `<`) line by line. */
function textStdin(text: string): Stdin {
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  return {
    read(onLine, onEnd) {
      for (const l of lines) onLine(l);
      onEnd();
    },
  };
}

/** How a shell that is not the host's bash differs (the shell inside a container). */
export interface ShellHooks {
  prompt(): string;
  /** The table entry a command name runs, or undefined once it has said it has no such program. */
  program(name: string, io: CommandIO): string | undefined;
  /** Files that outlive this shell (a container's writable layer). */
  readonly fs?: FileSystem;
}

export class Shell implements HostShell {
  readonly fs: FileSystem;
  cwd = HOME;
  readonly vars = new Map<string, string>();
  readonly history: string[] = [];
  lastExit = 0;
  private continuation: Continuation | undefined;

  constructor(
    readonly host: HostName,
    readonly world: ShellWorld,
    private readonly commands: ReadonlyMap<string, CommandEntry> = commandTable,
    private readonly hooks?: ShellHooks,
  ) {
    this.fs = hooks?.fs ?? new FileSystem();
    this.vars.set('HOME', HOME);
    this.vars.set('USER', 'root');
    this.vars.set('HOSTNAME', host);
    this.vars.set('SHELL', '/bin/bash');
  }

  /** bash's PS1 as the lab's distribution sets it (CentOS 7: `[\u@\h \W]\$ `); PS2, `> `, while a here-document is being typed. */
  prompt(): string {
    if (this.continuation) return '> ';
    if (this.hooks) return this.hooks.prompt();
    return labProfile(this).prompt(this.host, this.cwd);
  }

  resolve(path: string): string {
    return FileSystem.resolve(this.cwd, path);
  }

  run(line: string): Job {
    const job = new Job(this.host, line, this.world.now(), () => this.world.now());
    try {
      this.start(line, job);
    } catch (e) {
      job.print('stderr', `-bash: internal error: ${e instanceof Error ? e.message : String(e)}`);
      job.finish(1, this.world.now());
    }
    return job;
  }

  /** Whether a here-document is being typed (the prompt is `> `). */
  get continuing(): boolean {
    return this.continuation !== undefined;
  }

  /** Ctrl+C at the `> ` prompt: bash drops the unfinished command. True if there was one. */
  cancelContinuation(): boolean {
    const had = this.continuation !== undefined;
    this.continuation = undefined;
    if (had) this.lastExit = 130;
    return had;
  }

  private expansion(): Expansion {
    return {
      home: HOME,
      variable: (name) => (name === '?' ? String(this.lastExit) : this.vars.get(name)),
    };
  }

  /** A line typed after `> `: a line of the open here-document, or its delimiter. */
  private continueHereDoc(c: Continuation, line: string, job: Job): void {
    const cmd = c.commands[0] as SimpleCommand;
    const doc = cmd.hereDoc;
    const text = doc?.stripTabs ? line.replace(/^\t+/, '') : line;
    if (text !== doc?.delimiter) {
      c.bodies.get(cmd)?.push(text);
      job.finish(0, this.world.now());
      return;
    }
    c.commands.shift();
    if (c.commands.length > 0) {
      job.finish(0, this.world.now());
      return;
    }
    this.continuation = undefined;
    const exp = this.expansion();
    const bodies = new Map<SimpleCommand, string>();
    for (const [k, lines] of c.bodies)
      bodies.set(k, k.hereDoc?.quoted ? lines.join('\n') : expandHereDoc(lines.join('\n'), exp));
    this.execute(c.list, job, bodies);
  }

  private start(line: string, job: Job): void {
    if (this.continuation) {
      this.continueHereDoc(this.continuation, line, job);
      return;
    }
    const state = this.world.cluster.host(this.host);
    if (state && (!state.powered || state.booting)) {
      const why = state.powered ? 'Connection refused' : 'No route to host';
      job.print('stderr', `ssh: connect to host ${this.host} port 22: ${why}`);
      job.finish(255, this.world.now());
      return;
    }
    if (line.trim() !== '') this.history.push(line);
    const parsed = parseCommandLine(line, this.expansion());
    if (!parsed.ok) {
      job.print('stderr', `-bash: ${parsed.error}`);
      this.lastExit = 2;
      job.finish(2, this.world.now());
      return;
    }
    const open = parsed.list.items.flatMap((i) => i.pipeline.commands.filter((c) => c.hereDoc));
    if (open.length > 0) {
      // bash reads the here-documents' bodies before it runs anything of the line.
      this.continuation = {
        list: parsed.list,
        commands: open,
        bodies: new Map(open.map((c) => [c, []])),
      };
      job.finish(0, this.world.now());
      return;
    }
    this.execute(parsed.list, job, new Map());
  }

  private execute(list: CommandList, job: Job, hereDocs: ReadonlyMap<SimpleCommand, string>): void {
    const items = list.items;
    let interrupted = false;
    const running = new Set<() => void>();
    const next = (i: number, code: number): void => {
      if (interrupted || job.done) return;
      for (; i < items.length; i++) {
        const item = items[i];
        if (!item) break;
        if ((item.op === '&&' && code !== 0) || (item.op === '||' && code === 0)) continue;
        const index = i;
        this.runPipeline(item.pipeline, job, running, hereDocs, (c) => {
          this.lastExit = c;
          next(index + 1, c);
        });
        return;
      }
      job.finish(code, this.world.now());
    };
    job.setInterruptHandler(() => {
      interrupted = true;
      // The terminal echoes ^C first; a command may still print on its way out (ping's summary).
      job.print('stdout', '^C');
      for (const cancel of [...running]) cancel();
      running.clear();
      this.lastExit = 130;
      job.finish(130, this.world.now());
    });
    next(0, 0);
  }

  private runPipeline(
    p: Pipeline,
    job: Job,
    running: Set<() => void>,
    hereDocs: ReadonlyMap<SimpleCommand, string>,
    done: (code: number) => void,
  ): void {
    const n = p.commands.length;
    const pipes = p.commands.slice(0, -1).map(() => new Pipe());
    let remaining = n;
    let lastCode = 0;
    p.commands.forEach((cmd, i) => {
      const pipe = pipes[i];
      const body = hereDocs.get(cmd);
      const stdin = body !== undefined ? textStdin(body) : i === 0 ? endedStdin : (pipes[i - 1] as Pipe);
      const siblings = p.commands.filter((c) => c !== cmd).map((c) => c.words);
      this.spawn(cmd, job, running, stdin, pipe, siblings, (code) => {
        pipe?.end();
        if (i > 0) (pipes[i - 1] as Pipe).closed = true;
        if (i === n - 1) lastCode = code;
        if (--remaining === 0) done(lastCode);
      });
    });
  }

  private spawn(
    cmd: SimpleCommand,
    job: Job,
    running: Set<() => void>,
    given: Stdin,
    pipe: Pipe | undefined,
    siblings: readonly (readonly string[])[],
    exited: (code: number) => void,
  ): void {
    let stdin = given;
    if (cmd.words.length === 0) {
      // `> f` alone still creates (or empties) f.
      const opened = openRedirects(this, cmd.redirects ?? []);
      if (!opened.ok) job.print('stderr', `-bash: ${opened.error}`);
      for (const [k, v] of cmd.assignments) this.vars.set(k, v);
      exited(opened.ok ? 0 : 1);
      return;
    }
    const env = new Map(this.vars);
    for (const [k, v] of cmd.assignments) env.set(k, v);
    const opened = openRedirects(this, cmd.redirects ?? []);
    if (!opened.ok) {
      job.print('stderr', `-bash: ${opened.error}`);
      exited(1);
      return;
    }
    const streams = opened.streams;
    if (streams.stdin !== undefined) stdin = textStdin(streams.stdin);
    let ended = false;
    const cancels: (() => void)[] = [];
    const cancelThis = (): void => {
      for (const c of cancels.splice(0)) c();
    };
    const io: CommandIO = {
      shell: this,
      stdin,
      env,
      effects: job.effects,
      siblings,
      out: (text) => {
        if (ended) return;
        if (streams.stdout) streams.stdout(text);
        else if (pipe?.closed) {
          // Writing to a pipe nobody reads: SIGPIPE ends the writer (128 + 13).
          cancelThis();
          io.exit(141);
        } else if (pipe) pipe.write(text);
        else job.print('stdout', text);
      },
      err: (text) => {
        if (ended) return;
        if (streams.stderr) streams.stderr(text);
        else if (streams.stderrToStdout && pipe) pipe.write(text);
        else job.print('stderr', text);
      },
      exit: (code) => {
        if (ended) return;
        ended = true;
        running.delete(cancelThis);
        cancels.length = 0;
        exited(code);
      },
      onInterrupt: (cancel) => {
        cancels.push(cancel);
      },
    };
    running.add(cancelThis);
    this.exec(cmd.words, io);
  }

  /** Runs one command's words with the given io (also used by sudo and timeout). */
  exec(words: readonly string[], io: CommandIO): void {
    const [typed, ...args] = words;
    if (typed === undefined) {
      io.exit(0);
      return;
    }
    const name = this.hooks ? this.hooks.program(typed, io) : typed;
    if (name === undefined) return;
    const entry = labProfile(this).absentCommands.includes(name) ? undefined : this.commands.get(name);
    if (!entry) {
      if (name.includes('/')) {
        const path = this.resolve(name);
        io.err(
          this.fs.exists(path)
            ? `-bash: ${name}: Permission denied`
            : `-bash: ${name}: No such file or directory`,
        );
        io.exit(this.fs.exists(path) ? 126 : 127);
      } else {
        io.err(`-bash: ${name}: command not found`);
        io.exit(127);
      }
      return;
    }
    try {
      const parsed = entry.parse(args, this);
      if (!parsed.ok) {
        if (parsed.stderr !== '') io.err(parsed.stderr);
        io.exit(parsed.code);
        return;
      }
      entry.run(parsed.value, io);
    } catch (e) {
      io.err(`-bash: ${name}: internal error: ${e instanceof Error ? e.message : String(e)}`);
      io.exit(1);
    }
  }
}
