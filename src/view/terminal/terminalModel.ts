// One terminal window (a tab) as plain data: the host it was opened on and where ssh
// has taken it, what scrolled by, the line running now and those typed while it runs,
// and the history of what was typed here. No DOM: the React pane only draws it.
import type { Completion } from '../../shell/complete';
import { complete, completionContextOf } from '../../shell/complete';
import type { HostShell } from '../../shell/index';
import type { Job } from '../../shell/job';
import type { HostName } from '../../sim/inputs';

/** What a terminal needs of the lab; `Session` from src/shell is one. */
export interface TerminalSession {
  shell(host: HostName): HostShell & { prompt(): string };
  /** Runs a line on a host's shell; the page may record it on its timeline before it runs. */
  run(host: HostName, line: string): Job;
  /** Ctrl+C on a host's terminal. */
  interrupt(host: HostName): void;
}

/** A prompt and what was typed after it; a command's job, or lines the terminal itself printed. */
export interface Entry {
  readonly id: number;
  readonly prompt: string;
  readonly line: string;
  readonly job?: Job;
  /** Lines the terminal printed itself (completion candidates). */
  readonly notes?: readonly string[];
}

/** Old output scrolls away, as a terminal's scrollback does, so a long class keeps a small DOM. */
const SCROLLBACK_ENTRIES = 400;

export class TerminalModel {
  private stack: HostName[];
  private entryList: Entry[] = [];
  private readonly typed: string[] = [];
  private readonly queued: string[] = [];
  private runningJob: Job | undefined;
  private nextId = 1;
  private historyIndex: number | undefined;
  private draft = '';
  private listeners = new Set<() => void>();
  /** Changes whenever anything shown changes; React reads it through useSyncExternalStore. */
  version = 0;

  constructor(
    private readonly session: TerminalSession,
    readonly home: HostName,
    private readonly onCommand?: (host: HostName, line: string, job: Job) => void,
  ) {
    this.stack = [home];
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const l of [...this.listeners]) l();
  }

  /** The host this window's shell is on now (ssh and exit move it). */
  get host(): HostName {
    return this.stack[this.stack.length - 1] ?? this.home;
  }

  get entries(): readonly Entry[] {
    return this.entryList;
  }

  get running(): Job | undefined {
    return this.runningJob;
  }

  /** Lines typed while a command runs; bash reads them when it ends. */
  get pending(): readonly string[] {
    return this.queued;
  }

  prompt(): string {
    try {
      return this.session.shell(this.host).prompt();
    } catch {
      return `[root@${this.host} ~]# `;
    }
  }

  /** Enter: runs the line now, or after the command that is running. */
  submit(line: string): void {
    this.historyIndex = undefined;
    this.draft = '';
    if (this.runningJob) {
      this.queued.push(line);
      this.changed();
      return;
    }
    this.start(line);
    this.changed();
  }

  private start(line: string): void {
    if (line.trim() !== '' && this.typed[this.typed.length - 1] !== line) this.typed.push(line);
    const prompt = this.prompt();
    const host = this.host;
    let job: Job | undefined;
    try {
      job = this.session.run(host, line);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.push({ prompt, line, notes: [`-bash: ${why}`] });
      return;
    }
    if (line.trim() !== '') this.onCommand?.(host, line, job);
    this.push({ prompt, line, job });
    if (job.done) {
      this.finished(job);
      return;
    }
    this.runningJob = job;
    job.onOutput(() => this.changed());
    job.onDone((j) => {
      this.finished(j);
      this.changed();
    });
  }

  private finished(job: Job): void {
    if (job === this.runningJob) this.runningJob = undefined;
    const { clearScreen, enter, leave } = job.effects;
    if (clearScreen) {
      const at = this.entryList.findIndex((e) => e.job === job);
      this.entryList = this.entryList.slice(at + 1);
    }
    if (enter) this.stack.push(enter);
    else if (leave && this.stack.length > 1) this.stack.pop();
    const next = this.queued.shift();
    if (next !== undefined && !this.runningJob) this.start(next);
  }

  private push(entry: Omit<Entry, 'id'>): void {
    this.entryList = [...this.entryList, { id: this.nextId++, ...entry }].slice(-SCROLLBACK_ENTRIES);
  }

  /** Ctrl+C: stops the running command (it prints ^C), or abandons the line being typed. */
  interrupt(typing: string): void {
    this.queued.length = 0;
    this.historyIndex = undefined;
    const job = this.runningJob;
    if (job) {
      this.session.interrupt(job.host);
      // Another tab on the same host may have run a later command: stop ours all the same.
      if (!job.done) job.interrupt();
    } else {
      this.push({ prompt: this.prompt(), line: `${typing}^C` });
    }
    this.changed();
  }

  /** A line the page prints into the scrollback (the timeline was rewound and the future replaced). */
  note(text: string): void {
    this.push({ prompt: '', line: '', notes: [text] });
    this.changed();
  }

  /** Ctrl+L: the screen is wiped; a command still running keeps printing below. */
  clear(): void {
    this.entryList = this.entryList.filter((e) => e.job !== undefined && e.job === this.runningJob);
    this.changed();
  }

  /** Tab at `cursor`. A second Tab that completes nothing more lists the candidates, as bash does. */
  complete(line: string, cursor: number, again: boolean): Completion {
    let result: Completion;
    try {
      result = complete(line, completionContextOf(this.session.shell(this.host)), cursor);
    } catch {
      return { line, candidates: [] };
    }
    if (again && result.line === line && result.candidates.length > 0) {
      this.push({
        prompt: this.runningJob ? '' : this.prompt(),
        line,
        notes: [result.candidates.join('  ')],
      });
      this.changed();
    }
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
