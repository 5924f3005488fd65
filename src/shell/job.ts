// A command line running in cluster time. Output arrives as the cluster calls
// back (from inside advanceTo), so a Job is read as it grows: what it printed so
// far, whether it is done, and how to stop it (Ctrl+C).
import type { HostName } from '../sim/inputs';
import type { SimMs } from '../sim/units';
import type { HostShell } from './command';

export type Stream = 'stdout' | 'stderr';

export interface OutputLine {
  readonly stream: Stream;
  readonly text: string;
  /** Cluster time it was printed: a terminal scrubbed back to before it does not show it yet. */
  readonly at: SimMs;
}

/** A shell the terminal talks to through a command on its host (kubectl exec -it … sh). */
export interface InnerShell {
  run(line: string): Job;
  prompt(): string;
  /**
   * Whether the process behind it still answers: `killed` with its container, or
   * `dropped` when the stream to it broke (its node's kubelet stopped).
   */
  status(): 'alive' | 'killed' | 'dropped';
  /** What Tab completes here: the shell's files and working directory, and its programs. */
  readonly shell: HostShell;
  readonly programs: readonly string[];
}

/** What a finished command line did to the terminal besides printing. */
export interface JobEffects {
  /** `clear`: the terminal is wiped before this job's output. */
  clearScreen?: boolean;
  /** `ssh <host>`: the terminal now talks to this host. */
  enter?: HostName;
  /** `kubectl exec -it POD -- sh`: the terminal's lines now go to this shell, until it exits. */
  enterContainer?: InnerShell;
  /** `exit`, or `reboot` of the host the ssh session was on: back to the previous host. */
  leave?: boolean;
  /** `sleep N`: the person asked to wait this long; it is not a command that hangs. */
  waitsMs?: number;
}

export class Job {
  readonly output: OutputLine[] = [];
  readonly effects: JobEffects = {};
  done = false;
  exitCode = 0;
  finishedAt: SimMs | undefined;
  private readonly outputListeners = new Set<(line: OutputLine) => void>();
  private readonly doneListeners = new Set<(job: Job) => void>();
  private interruptHandler: (() => void) | undefined;

  constructor(
    readonly host: HostName,
    readonly line: string,
    readonly startedAt: SimMs,
    private readonly clock: () => SimMs = () => startedAt,
  ) {}

  print(stream: Stream, text: string): void {
    if (this.done) return;
    // A printed block may hold several lines; the terminal shows them one by one.
    const at = this.clock();
    for (const t of text.split('\n')) {
      const line = { stream, text: t, at };
      this.output.push(line);
      for (const l of this.outputListeners) l(line);
    }
  }

  finish(code: number, at: SimMs): void {
    if (this.done) return;
    this.done = true;
    this.exitCode = code;
    this.finishedAt = at;
    this.interruptHandler = undefined;
    for (const l of this.doneListeners) l(this);
  }

  /** Ctrl+C. Does nothing once the job is done. */
  interrupt(): void {
    if (this.done) return;
    const h = this.interruptHandler;
    this.interruptHandler = undefined;
    h?.();
  }

  /** The runner installs what Ctrl+C does for the command running now. */
  setInterruptHandler(h: (() => void) | undefined): void {
    this.interruptHandler = h;
  }

  /** Text of what was printed, stdout and stderr interleaved as a terminal shows them. */
  text(): string {
    return this.output.map((l) => l.text).join('\n');
  }

  onOutput(listener: (line: OutputLine) => void): () => void {
    this.outputListeners.add(listener);
    return () => this.outputListeners.delete(listener);
  }

  onDone(listener: (job: Job) => void): () => void {
    if (this.done) listener(this);
    else this.doneListeners.add(listener);
    return () => this.doneListeners.delete(listener);
  }
}
