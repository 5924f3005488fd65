// The story at the moment on screen: the book's step in force, what the cluster did off
// the script since it began, whether the next step is blocked and why, and what comes
// next and when — all read from the recording (its trace's step anchors, its moments),
// so the words say what the picture shows.
import type { FaultRef, SimMs } from '../sim';
import { diagnose } from './faults/diagnose';
import type { Happening } from './happenings';
import type { Lesson, Localized } from './lesson';
import type { ClusterMoment } from './moment';

export interface StoryNext {
  readonly at: SimMs;
  readonly title: Localized;
  /** The book's step it begins, if it is one. */
  readonly step?: number;
}

export interface Story {
  readonly step: number;
  /** The latest thing the cluster did off the book's script, since the step began. */
  readonly happening: Happening | undefined;
  /** Everything it did at that same moment (a node turns NotReady and is tainted at once). */
  readonly happenings: readonly Happening[];
  /** The next step does not happen while things stand as they are. */
  readonly blocked:
    | {
        readonly step: number;
        readonly why: Localized;
        /** The component on the diagram that is not acting, when it is known. */
        readonly component: string | undefined;
      }
    | undefined;
  /** The book's later steps that do not happen at all in what was recorded (the pod was deleted, say). */
  readonly skipped: { readonly from: number; readonly to: number } | undefined;
  readonly next: StoryNext | undefined;
  /**
   * What comes next is not known yet: the cluster has not been simulated far enough
   * ahead to say (the page looks ahead a slice of each frame). Never "nothing comes".
   */
  readonly lookingAhead?: boolean;
}

export interface StoryInput {
  readonly lesson: Lesson;
  readonly anchors: readonly (SimMs | undefined)[];
  readonly step: number;
  readonly happenings: readonly Happening[];
  readonly now: SimMs;
  readonly moment: ClusterMoment;
  readonly faults: readonly FaultRef[];
}

export function storyAt(input: StoryInput): Story {
  const { lesson, anchors, step, happenings, now, moment, faults } = input;
  const begun = anchors[step] ?? 0;
  let happening: Happening | undefined;
  for (const h of happenings) if (h.at >= begun && h.at <= now) happening = h;
  const together = happening ? happenings.filter((h) => h.at === happening.at) : [];
  const last = lesson.steps.length;
  const nextAnchor = step < last ? anchors[step + 1] : undefined;
  const nextHappening = happenings.find((h) => h.at > now);
  const next: StoryNext | undefined =
    nextAnchor !== undefined && (nextHappening === undefined || nextAnchor <= nextHappening.at)
      ? { at: nextAnchor, title: lesson.steps[step]?.title ?? lesson.intro.title, step: step + 1 }
      : nextHappening
        ? { at: nextHappening.at, title: nextHappening.title }
        : undefined;
  const healBefore = happenings.some(
    (h) => h.kind === 'heal' && h.at > now && (nextAnchor === undefined || h.at <= nextAnchor),
  );
  const stalled = step > 0 && step < last && (nextAnchor === undefined || nextAnchor > now);
  const blocked =
    stalled && faults.length > 0 && (nextAnchor === undefined || healBefore)
      ? blockedWhy(lesson, step, moment, faults)
      : undefined;
  const skipped =
    step > 0 && step < last && nextAnchor === undefined ? { from: step + 1, to: last } : undefined;
  return { step, happening, happenings: together, blocked, skipped, next };
}

function blockedWhy(lesson: Lesson, step: number, moment: ClusterMoment, faults: readonly FaultRef[]) {
  const name = lesson.subject.split('/').pop() ?? '';
  const d = diagnose(moment, name);
  if (d) return { step: Math.max(step + 1, d.step), why: d.why, component: d.component };
  const what = faults.map((f) => (f.target ? `${f.id}@${f.target}` : f.id)).join(', ');
  return {
    step: step + 1,
    why: {
      ko: `고장(${what})이 남아 있어 ${step + 1}단계가 일어나지 않습니다.`,
      en: `With the fault ${what} in force, step ${step + 1} does not happen.`,
    },
    component: undefined,
  };
}
