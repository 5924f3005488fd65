// A guided lesson (issue 6): steps a student works through in the lab, each with its
// narration in Korean and English, commands to type (or click), faults to inject, an
// optional prediction to make first, and a check on the lab that says the step is
// done. Everything is data — built-in lessons and teachers' YAML/JSON files alike.
import type { FaultId } from '../../sim';
import type { ProfileId } from '../../sim/profiles';
import type { Localized } from '../lesson';

/** A command line for the student to type on a host (shown as a clickable sample). */
export interface LessonCommand {
  readonly host: string;
  readonly line: string;
}

/** A fault the step offers as a button (inject, or heal with `heal: true`). */
export interface LessonFault {
  readonly fault: FaultId;
  /** The node for node-scoped faults (kubelet, docker, br_netfilter, power, cni). */
  readonly target?: string;
  readonly heal?: boolean;
}

/**
 * What must be true of the lab for the step to be done. Checks are data, so a teacher's
 * file can hold them; `all`/`any` combine them.
 */
export type Check =
  /** A pod (by exact name, or the first whose name starts with `prefix`) shows this STATUS (kubectl's column). */
  | {
      readonly pod: string;
      readonly namespace?: string;
      readonly status?: string;
      readonly node?: string;
      readonly restartsAtLeast?: number;
    }
  | {
      readonly podPrefix: string;
      readonly namespace?: string;
      readonly status?: string;
      readonly count?: number;
    }
  /** No pod of that name exists any more. */
  | { readonly podGone: string; readonly namespace?: string }
  /** A node's Ready condition: 'True' (Ready), 'False' or 'Unknown' (NotReady). */
  | { readonly node: string; readonly ready: 'True' | 'False' | 'Unknown' }
  /** Every node (or `count` of them) is Ready. */
  | { readonly nodesReady: number }
  /** A component of the diagram is in this state ('running', 'stopped', 'failing'). */
  | { readonly component: string; readonly state: 'running' | 'stopped' | 'failing' }
  /** A fault is in force (or not, with `active: false`). */
  | { readonly fault: FaultId; readonly target?: string; readonly active?: boolean }
  /** The student typed a line containing this text (on `host`, if given). */
  | { readonly typed: string; readonly host?: string }
  /** A line typed printed output containing this text. */
  | { readonly printed: string; readonly host?: string }
  | { readonly all: readonly Check[] }
  | { readonly any: readonly Check[] };

/** "Which component notices the new pod next?": a choice, instant feedback, no account. */
export interface Prediction {
  readonly question: Localized;
  readonly choices: readonly Localized[];
  /** Index of the right choice. */
  readonly answer: number;
  /** Why, shown after the student chose. */
  readonly explain: Localized;
}

export interface GuidedStep {
  readonly id: string;
  readonly title: Localized;
  readonly narration: Localized;
  readonly commands?: readonly LessonCommand[];
  readonly faults?: readonly LessonFault[];
  readonly predict?: Prediction;
  /** Where the book simplifies or a mechanism is worth knowing: what really happens. */
  readonly really?: Localized;
  /** Omitted: the step is read, then the student moves on. */
  readonly doneWhen?: Check;
}

export interface GuidedLesson {
  readonly id: string;
  readonly title: Localized;
  readonly summary: Localized;
  /** The lab the lesson starts from (default 'ready'). */
  readonly lab?: 'ready' | 'fresh';
  readonly steps: readonly GuidedStep[];
}

/**
 * What a step says or does differently in another lab (src/sim/profiles): its texts, its
 * commands, its check. Written in that lab's own words; the host names and the runtime's
 * command lines are carried over by forProfile.ts, so only what the versions really change is here.
 */
export interface StepVersion {
  readonly title?: Localized;
  readonly narration?: Localized;
  readonly really?: Localized;
  readonly commands?: readonly LessonCommand[];
  readonly predict?: Prediction;
  readonly doneWhen?: Check;
}

/** A built-in lesson's differences in one lab, by step id. */
export interface LessonVersion {
  readonly title?: Localized;
  readonly summary?: Localized;
  readonly steps?: Readonly<Record<string, StepVersion>>;
}

/** A lesson's versions, by the lab's profile: `{ '1.36': { steps: { … } } }`. */
export type LessonVersions = Partial<Record<ProfileId, LessonVersion>>;
