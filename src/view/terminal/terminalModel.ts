// One terminal window (a tab) as the view draws it. The shell owns the window — its
// host through ssh and exit, every line typed in it and what that printed, with times —
// and this model only reads it at the moment on screen: a command typed later is not
// shown, nor a line printed later. What stays here is what a terminal keeps on the
// person's side: the lines typed while a command runs, ↑/↓ history, Tab's candidates,
// Ctrl+L and the notes the page prints.
import type { TerminalCommand, TerminalView } from '../../player';
import { runningAt } from './running';

export interface Completion {
  readonly line: string;
  readonly candidates: readonly string[];
}

/** What a terminal needs of the lab: the lesson player is one (labSession.ts), a bare shell Session another. */
export interface TerminalSession {
  window(tab: string): TerminalView | undefined;
  type(tab: string, line: string): void;
  interrupt(tab: string): void;
  complete(tab: string, line: string, cursor: number): Completion;
  /** The moment on screen, in cluster time. */
  now(): number;
  /** Called whenever the moment on screen moves or the lab changes. */
  subscribe(listener: () => void): () => void;
}

/** A prompt and what was typed after it; a command's job, or lines the terminal itself printed. */
export interface Entry {
  readonly id: string;
  readonly prompt: string;
  readonly line: string;
  readonly job?: TerminalCommand;
  /** The command's output printed by the moment on screen. */
  readonly output?: TerminalCommand['output'];
  /** Lines the terminal printed itself (completion candidates, notices). */
  readonly notes?: readonly string[];
}

interface Note {
  /** Shown after this many of the window's commands. */
  readonly after: number;
  readonly prompt: string;
  readonly line: string;
  readonly notes?: readonly string[];
}

interface Frame {
  readonly host: string;
  readonly container?: { prompt(): string };
}

/** Old output scrolls away, as a terminal's scrollback does, so a long class keeps a small DOM. */
const SCROLLBACK_ENTRIES = 400;

export class TerminalModel {
  private readonly typed: string[] = [];
  private readonly queued: string[] = [];
  private notesList: Note[] = [];
  private clearedBefore = 0;
  private historyIndex: number | undefined;
  private draft = '';
  private listeners = new Set<() => void>();
  private key = '';
  /** Changes whenever anything shown changes; React reads it through useSyncExternalStore. */
  version = 0;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly session: TerminalSession,
    /** The window's name, which is also the host it was opened on. */
    readonly home: string,
    private readonly onCommand?: (host: string, line: string) => void,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.unsubscribe) this.unsubscribe = this.session.subscribe(() => this.refresh());
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.unsubscribe?.();
        this.unsubscribe = undefined;
      }
    };
  };

  getVersion = (): number => {
    this.refresh(false);
    return this.version;
  };

  private window(): TerminalView | undefined {
    return this.session.window(this.home);
  }

  /** The window's commands typed by the moment on screen. */
  private commands(): readonly { readonly prompt: string; readonly job: TerminalCommand }[] {
    const now = this.session.now();
    const all = this.window()?.entries ?? [];
    let n = all.length;
    while (n > 0 && (all[n - 1]?.job.startedAt ?? 0) > now) n--;
    return n === all.length ? all : all.slice(0, n);
  }

  /** Re-reads the window; tells the listeners if what is shown changed, and feeds a queued line once a command ends. */
  private refresh(notify = true): void {
    const now = this.session.now();
    const commands = this.commands();
    const last = commands[commands.length - 1]?.job;
    const printed = last ? last.output.filter((l) => l.at <= now).length : 0;
    const running = this.runningAt(last, now);
    const key = `${commands.length}:${printed}:${running ? 1 : 0}:${this.notesList.length}:${this.clearedBefore}:${this.queued.length}:${this.window()?.host}`;
    if (key !== this.key) {
      this.key = key;
      this.version++;
      if (notify) for (const l of [...this.listeners]) l();
    }
    if (!running && this.queued.length > 0 && notify) {
      const next = this.queued.shift() as string;
      this.start(next);
    }
  }

  private runningAt(job: TerminalCommand | undefined, now: number): boolean {
    return runningAt(job, now);
  }

  /** Where this window's lines go at the moment on screen: ssh, kubectl exec -it and exit move it. */
  private frame(): Frame {
    const stack: Frame[] = [{ host: this.home }];
    const now = this.session.now();
    for (const { job } of this.commands()) {
      if (!job.done || (job.finishedAt ?? 0) > now) continue;
      const top = stack[stack.length - 1] as Frame;
      if (job.effects.enterContainer) stack.push({ host: top.host, container: job.effects.enterContainer });
      else if (job.effects.enter) stack.push({ host: job.effects.enter });
      else if (job.effects.leave && stack.length > 1) stack.pop();
    }
    return stack[stack.length - 1] as Frame;
  }

  /** The host this window's shell is on at the moment on screen (ssh and exit move it). */
  get host(): string {
    return this.frame().host;
  }

  get entries(): readonly Entry[] {
    const now = this.session.now();
    const commands = this.commands();
    const out: Entry[] = [];
    let from = this.clearedBefore;
    // A `clear` wipes what came before it.
    for (let i = commands.length - 1; i >= from; i--) {
      const job = commands[i]?.job;
      if (job?.effects.clearScreen && !this.runningAt(job, now)) {
        from = i + 1;
        break;
      }
    }
    const notes = this.notesList.filter((n) => n.after >= from);
    let k = 0;
    for (let i = from; i <= commands.length; i++) {
      while (k < notes.length && (notes[k] as Note).after === i) {
        const n = notes[k] as Note;
        out.push({
          id: `n${i}:${k}`,
          prompt: n.prompt,
          line: n.line,
          ...(n.notes ? { notes: n.notes } : {}),
        });
        k++;
      }
      const c = commands[i];
      if (!c) continue;
      const output = c.job.output.filter((l) => l.at <= now);
      out.push({ id: `c${i}:${c.job.startedAt}`, prompt: c.prompt, line: c.job.line, job: c.job, output });
    }
    return out.slice(-SCROLLBACK_ENTRIES);
  }

  /** The command running at the moment on screen, if any. */
  get running(): TerminalCommand | undefined {
    const last = this.commands()[this.commands().length - 1]?.job;
    return this.runningAt(last, this.session.now()) ? last : undefined;
  }

  /** Lines typed while a command runs; bash reads them when it ends. */
  get pending(): readonly string[] {
    return this.queued;
  }

  prompt(): string {
    const w = this.window();
    const { host, container } = this.frame();
    if (w && w.host === host && !!w.inContainer === !!container) return w.prompt;
    // A moment in the past: the shell it was in then, as its prompt reads now.
    return container ? container.prompt() : `[root@${host} ~]# `;
  }

  /** Enter: runs the line now, or after the command that is running. */
  submit(line: string): void {
    this.historyIndex = undefined;
    this.draft = '';
    if (this.running) {
      this.queued.push(line);
      this.changed();
      return;
    }
    this.start(line);
  }

  private start(line: string): void {
    if (line.trim() !== '' && this.typed[this.typed.length - 1] !== line) this.typed.push(line);
    const host = this.host;
    try {
      this.session.type(this.home, line);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.addNote({ prompt: this.prompt(), line, notes: [`-bash: ${why}`] });
      return;
    }
    if (line.trim() !== '') this.onCommand?.(host, line);
    this.changed();
  }

  private changed(): void {
    this.key = '';
    this.refresh();
  }

  private addNote(note: Omit<Note, 'after'>): void {
    this.notesList = [...this.notesList, { after: this.commands().length, ...note }].slice(
      -SCROLLBACK_ENTRIES,
    );
    this.changed();
  }

  /** Ctrl+C: stops the running command (it prints ^C), or abandons the line being typed. */
  interrupt(typing: string): void {
    this.queued.length = 0;
    this.historyIndex = undefined;
    if (this.running) this.session.interrupt(this.home);
    else {
      const prompt = this.prompt();
      this.addNote({ prompt, line: `${typing}^C` });
      // At bash's PS2 (`> `, a here-document being typed) Ctrl+C also drops the command.
      if (prompt === '> ') this.session.interrupt(this.home);
    }
    this.changed();
  }

  /** A line the page prints into the scrollback (the person's later inputs were replaced). */
  note(text: string): void {
    this.addNote({ prompt: '', line: '', notes: [text] });
  }

  /** Ctrl+L: the screen is wiped; a command still running keeps printing below. */
  clear(): void {
    const commands = this.commands();
    this.clearedBefore = this.running ? commands.length - 1 : commands.length;
    this.notesList = this.notesList.filter((n) => n.after > this.clearedBefore);
    this.changed();
  }

  /** Tab at `cursor`. A second Tab that completes nothing more lists the candidates, as bash does. */
  complete(line: string, cursor: number, again: boolean): Completion {
    let result: Completion;
    try {
      result = this.session.complete(this.home, line, cursor);
    } catch {
      return { line, candidates: [] };
    }
    if (again && result.line === line && result.candidates.length > 0)
      this.addNote({
        prompt: this.running ? '' : this.prompt(),
        line,
        notes: [result.candidates.join('  ')],
      });
    return result;
  }

  /** ↑: the line typed before; keeps what was being typed to come back to with ↓. */
  previous(current: string): string | undefined {
    if (this.typed.length === 0) return undefined;
    if (this.historyIndex === undefined) {
      this.draft = current;
      this.historyIndex = this.typed.length;
    }
    if (this.historyIndex === 0) return undefined;
    this.historyIndex--;
    return this.typed[this.historyIndex];
  }

  /** ↓: the line typed after, then what was being typed. */
  next(): string | undefined {
    if (this.historyIndex === undefined) return undefined;
    this.historyIndex++;
    if (this.historyIndex >= this.typed.length) {
      this.historyIndex = undefined;
      return this.draft;
    }
    return this.typed[this.historyIndex];
  }
}
