// What a lesson player needs of the lab it drives: a world to record, inputs run through
// shells or straight on the cluster, and the terminal windows the page shows.
import type { LabKind, SimMs } from '../sim';
import type { ProfileId } from '../sim/profiles';
import type { RecordedInput, World } from './recording';

/** A line of the lesson's terminal: what was typed, or what the command printed, and when. */
export interface TranscriptLine {
  readonly at: SimMs;
  readonly host: string;
  readonly kind: 'input' | 'stdout' | 'stderr';
  readonly text: string;
}

export type Print = (kind: TranscriptLine['kind'], text: string) => void;

/**
 * How the lesson's command lines reach the cluster: through the simulated shells
 * (sessionDriver.ts). It is passed in, not imported, so the page can draw the lab
 * before the shells' code has loaded.
 */
export interface LabDriver<W extends World = World> {
  createWorld(options: {
    readonly seed: number;
    readonly lab?: LabKind;
    readonly workers?: number;
    readonly profile?: ProfileId;
  }): W;
  /** Runs a typed line or Ctrl+C; returns the command it started, whose end the player can wait for. */
  run(world: W, input: RecordedInput, print: Print): RunningCommand | undefined;
  terminal?: LabTerminals<W>['terminal'];
  complete?: LabTerminals<W>['complete'];
}

/** What the player reads of a command it started: whether and when it ended. */
export interface RunningCommand {
  readonly done: boolean;
  readonly finishedAt: SimMs | undefined;
}

/** A command in a terminal window, as the shell keeps it: what was typed, what it printed and when. */
export interface TerminalCommand extends RunningCommand {
  readonly line: string;
  readonly startedAt: SimMs;
  readonly output: readonly {
    readonly stream: 'stdout' | 'stderr';
    readonly text: string;
    readonly at: SimMs;
  }[];
  readonly effects: {
    readonly clearScreen?: boolean;
    readonly enter?: string;
    /** kubectl exec -it … sh: the window's lines now go to a container's shell. */
    readonly enterContainer?: { prompt(): string };
    readonly leave?: boolean;
  };
  onOutput(listener: () => void): () => void;
  onDone(listener: () => void): () => void;
}

/** A terminal window as the shell keeps it (ssh and exit move its host; the view only draws it). */
export interface TerminalView {
  readonly home: string;
  readonly host: string;
  readonly prompt: string;
  /** In a container's shell (kubectl exec -it) on `host`. */
  readonly inContainer?: boolean;
  readonly entries: readonly { readonly prompt: string; readonly job: TerminalCommand }[];
  readonly running: TerminalCommand | undefined;
}

/** The terminal surface of a lab driven through shells: windows and Tab completion. */
export interface LabTerminals<W extends World = World> {
  terminal(world: W, tab: string): TerminalView;
  /** Tab in window `tab`, which is on `host` (inside a container's shell there, it completes that). */
  complete(
    world: W,
    host: string,
    line: string,
    cursor: number,
    tab?: string,
  ): { readonly line: string; readonly candidates: readonly string[] };
}
