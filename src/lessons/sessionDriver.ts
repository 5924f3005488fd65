// A lesson's command lines typed into the simulated shells (src/shell), as a student
// would type them, each in its terminal window; what the commands print goes to the
// lesson's transcript. The player takes it as its LabDriver (it is passed in, so the
// page can draw the lab before the shells' code has loaded).
import type { Job, TerminalWindow } from '../shell';
import { Session } from '../shell';
import type { Completion } from '../shell/complete';
import { complete, completionContextOf } from '../shell/complete';
import type { LabKind } from '../sim';
import type { ProfileId } from '../sim/profiles';

/** What a person did, as the player records it (the player's RecordedInput is one). */
type Input =
  | { readonly host: string; readonly line: string; readonly tab?: string }
  | { readonly host: string; readonly interrupt: true }
  | { readonly fault: unknown }
  /** An attached server's request (src/api/labLog.ts): the attached driver applies it, not the shells. */
  | { readonly host: string; readonly api: unknown };

type Print = (kind: 'input' | 'stdout' | 'stderr', text: string) => void;

export const sessionDriver = {
  createWorld: (options: {
    readonly seed: number;
    readonly lab?: LabKind;
    readonly workers?: number;
    readonly profile?: ProfileId;
  }): Session => new Session(options),
  run: (session: Session, input: Input, print: Print): Job | undefined => {
    if ('fault' in input || 'api' in input) return undefined;
    if ('interrupt' in input) {
      session.interrupt(input.host);
      return undefined;
    }
    // The lesson's own lines go to the window of their host; a person's to the tab they typed in.
    const tab = input.tab ?? input.host;
    print('input', `${session.prompt(tab)}${input.line}`);
    const job = session.type(input.line, tab);
    for (const line of job.output) print(line.stream, line.text);
    job.onOutput((line) => print(line.stream, line.text));
    return job;
  },
  terminal: (session: Session, tab: string): TerminalWindow => session.terminal(tab),
  /** Tab completion on the host the window is on now. */
  complete: (session: Session, host: string, line: string, cursor: number, tab?: string): Completion =>
    tab !== undefined
      ? session.complete(tab, line, cursor)
      : complete(line, completionContextOf(session.shell(host)), cursor),
};
