// The commands of the "what changed" view, run in a lab of each profile: the real
// simulation and shells (src/shell), nothing stored. Each run is a generator that yields
// between slices of cluster time; the page runs it whole in a worker (changed.worker.ts),
// or spread over many short tasks where it has none (useRun.ts).
import type { RecordedInput } from '../../player';
import { applyFault } from '../../player/recording';
import type { Job, Session } from '../../shell';
import { BETWEEN_LINES_MS, GIVE_UP_MS } from '../../shell/transcript';
import type { LabKind, SimMs } from '../../sim';
import type { Profile, ProfileId } from '../../sim/profiles';
import { profiles } from '../../sim/profiles';
import { inputIn, lineIn } from './pairing';

/** A line of a terminal: what was typed after its prompt, or what the command printed. */
export interface Line {
  readonly kind: 'input' | 'stdout' | 'stderr';
  readonly text: string;
}

/** The shells' world maker and runner (src/lessons/sessionDriver): passed in, as the page loads it lazily. */
export interface ShellDriver {
  createWorld(options: {
    readonly seed: number;
    readonly lab?: LabKind;
    readonly workers?: number;
    readonly profile?: ProfileId;
  }): Session;
  run(
    session: Session,
    input: RecordedInput,
    print: (kind: Line['kind'], text: string) => void,
  ): Job | undefined;
}

/** Cluster time per slice while waiting for a command: as `npm run shell` steps it (src/shell/transcript.ts). */
const STEP_MS = 100;
/** Cluster time per slice while replaying the timeline up to the command. */
const REPLAY_STEP_MS = 1_000;

function* advance(session: Session, to: number, step: number): Generator<void, void> {
  while (session.now() < to) {
    session.advanceTo(Math.min(to, session.now() + step) as SimMs);
    yield;
  }
}

/** A command still running this long after it began is stopped with Ctrl+C, as a person would (a sleep gets its time on top). */
function* waitFor(
  session: Session,
  job: Job,
  host: string,
  later: { readonly nextAt: () => number | undefined; readonly apply: () => void } = {
    nextAt: () => undefined,
    apply: () => {},
  },
): Generator<void, void> {
  const start = session.now();
  while (!job.done && session.now() - start < GIVE_UP_MS + (job.effects.waitsMs ?? 0)) {
    // Stopping at the moment of a later input of the timeline, which happens there, as on the page.
    const due = later.nextAt();
    const to = session.now() + STEP_MS;
    session.advanceTo((due !== undefined && due < to ? Math.max(due, session.now()) : to) as SimMs);
    later.apply();
    yield;
  }
  if (!job.done) session.interrupt(host);
}

/**
 * A difference's script, typed on the master of a fresh lab of `profile` (the book's
 * ready lab, seed 1, as src/shell/profiles.test.ts types it): each line after its prompt
 * and what it printed, one second of cluster time between a command's end and the next line.
 */
export function* scriptRun(
  driver: ShellDriver,
  profile: ProfileId,
  script: readonly string[],
  seed = 1,
  /** The lab the difference's script is typed in (a difference before kubeadm says 'fresh'). */
  lab: LabKind = 'ready',
): Generator<void, Line[]> {
  const p = profiles[profile];
  const session = driver.createWorld({ seed, profile, lab });
  yield;
  const out: Line[] = [];
  for (const raw of script) {
    const line = lineIn(p, p, raw);
    const master = p.master.name;
    const job = driver.run(session, { at: session.now(), host: master, line, tab: 'main' }, (kind, text) =>
      out.push({ kind, text }),
    );
    if (!job) continue;
    yield* waitFor(session, job, job.host);
    // `clear` leaves the screen empty, as the page's terminal does.
    if (job.effects.clearScreen) out.length = 0;
    session.advanceTo(Math.max(session.now(), (job.finishedAt ?? session.now()) + BETWEEN_LINES_MS) as SimMs);
    yield;
  }
  return out;
}

/** A command to run at a moment of the timeline: a line typed on a machine (named as the page's profile names it). */
export interface MomentCommand {
  readonly host: string;
  readonly line: string;
  /** The terminal window it is typed in (the page keeps one per machine). */
  readonly tab?: string;
  readonly at: number;
  /** It is one of the timeline's own inputs (the last line typed): the inputs after it still happen while it runs. */
  readonly onTimeline?: boolean;
}

export interface MomentOptions {
  readonly driver: ShellDriver;
  readonly seed: number;
  readonly lab: LabKind;
  readonly workers: number;
  /** The page's profile: the timeline's inputs name its machines. */
  readonly from: ProfileId;
  /** The lab to run it in. */
  readonly profile: ProfileId;
  readonly inputs: readonly RecordedInput[];
  readonly command: MomentCommand;
}

/**
 * The timeline replayed in a lab of `profile` from the same seed (the lesson's lines, the
 * person's lines, Ctrl+C and faults, each at its moment, on the machine of that name),
 * then the command typed at its moment: what it printed there.
 */
export function* momentRun(o: MomentOptions): Generator<void, Line[]> {
  const from: Profile = profiles[o.from];
  const to: Profile = profiles[o.profile];
  const driver = o.driver;
  const session = driver.createWorld({ seed: o.seed, lab: o.lab, workers: o.workers, profile: o.profile });
  yield;
  const inputs = o.inputs.map((i) => inputIn(to, from, i));
  const command = inputIn(to, from, {
    at: o.command.at as SimMs,
    host: o.command.host,
    line: o.command.line,
    ...(o.command.tab !== undefined ? { tab: o.command.tab } : {}),
  }) as { host: string; line: string; tab?: string };
  const apply = (input: RecordedInput) => {
    if (applyFault(session, input)) return;
    driver.run(session, input, () => {});
  };
  // The inputs before it (the command itself, when it is one of them, is typed below).
  const before = inputs.filter(
    (i) => i.at < o.command.at || (i.at === o.command.at && !o.command.onTimeline),
  );
  const after = o.command.onTimeline ? inputs.filter((i) => i.at > o.command.at) : [];
  if (o.command.onTimeline) {
    // Inputs at the very moment of the command, before it on the timeline, come first.
    const same = inputs.filter((i) => i.at === o.command.at);
    const own = same.findIndex((i) => 'line' in i && i.line === command.line && i.host === command.host);
    before.push(...same.slice(0, Math.max(0, own)));
    after.unshift(...same.slice(own + 1));
  }
  for (const input of before) {
    yield* advance(session, input.at, REPLAY_STEP_MS);
    apply(input);
  }
  yield* advance(session, o.command.at, REPLAY_STEP_MS);
  const out: Line[] = [];
  const job = driver.run(
    session,
    { at: session.now(), ...command, tab: command.tab ?? command.host },
    (kind, text) => out.push({ kind, text }),
  );
  if (!job) return out;
  // The timeline's later inputs (Ctrl+C, a line in another window, a fault) happen while it runs.
  let next = 0;
  yield* waitFor(session, job, job.host, {
    nextAt: () => after[next]?.at,
    apply: () => {
      for (let due = after[next]; due && due.at <= session.now(); due = after[++next]) apply(due);
    },
  });
  return out;
}

/** A run as plain data, to be posted to the worker: a difference's script, or a moment of the timeline. */
export type RunRequest =
  | {
      readonly kind: 'script';
      readonly profile: ProfileId;
      readonly script: readonly string[];
      readonly lab?: LabKind;
    }
  | ({ readonly kind: 'moment' } & Omit<MomentOptions, 'driver'>);

export function requestRun(driver: ShellDriver, r: RunRequest): Generator<void, Line[]> {
  if (r.kind === 'script') return scriptRun(driver, r.profile, r.script, 1, r.lab);
  const { kind: _, ...options } = r;
  return momentRun({ ...options, driver });
}
