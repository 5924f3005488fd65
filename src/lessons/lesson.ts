// A lesson is data (STYLE 8): its inputs, and the book's steps with their words in
// Korean and English. The tour machine maps the trace onto these steps.
import type { BookStep, ComponentId, Envelope } from '../sim';
import { bookStepOf } from './bookSteps';

export type Lang = 'ko' | 'en';
export const LANGS: readonly Lang[] = ['ko', 'en'];
export type Localized = Readonly<Record<Lang, string>>;

export interface LessonInput {
  /** Cluster time of the input, in ms. */
  readonly at: number;
  readonly host: string;
  readonly line: string;
}

/** An arrow as the book draws it; `{node}` stands for the worker the pod lands on. */
export interface BookArrow {
  readonly from: string;
  readonly to: string;
}

export interface LessonStep {
  readonly n: BookStep;
  readonly title: Localized;
  readonly narration: Localized;
  /** Components that act in this step (`{node}` as in BookArrow). */
  readonly actors: readonly string[];
  /** What they exchange, in a line. */
  readonly exchange: Localized;
  /** Where the book simplifies: what really happens. */
  readonly really?: Localized;
  readonly arrow: BookArrow;
}

export interface Lesson {
  readonly id: string;
  readonly title: Localized;
  /** The object the tour follows through the trace, as envelopes name it. */
  readonly subject: string;
  readonly inputs: readonly LessonInput[];
  /** Before step 1: the lab as it stands. */
  readonly intro: { readonly title: Localized; readonly narration: Localized };
  readonly steps: readonly LessonStep[];
}

/** The messages of the lesson's subject that the book numbers `n` (bookSteps.ts), in trace `envelopes`. */
export function isStepMessage(
  lesson: Lesson,
  n: number,
  envelopes: readonly Envelope[],
): (e: Envelope) => boolean {
  // A message nobody received (the kubelet was stopped) is not the step happening.
  return (e) => e.subject === lesson.subject && !e.refused && bookStepOf(envelopes, e) === n;
}

/** The book's number of a message of the lesson's subject, if it is one of the book's steps. */
export function lessonStepOf(
  lesson: Lesson,
  envelopes: readonly Envelope[],
  e: Envelope,
): number | undefined {
  return e.subject === lesson.subject ? bookStepOf(envelopes, e) : undefined;
}

/** Whether a message is one of the book's numbered ones for the lesson's subject. */
export function isBookMessage(lesson: Lesson, envelopes: readonly Envelope[], e: Envelope): boolean {
  return lessonStepOf(lesson, envelopes, e) !== undefined;
}

/** Replaces `{node}` in a component template with the worker the pod is on. */
export function resolveComponent(template: string, node: string | undefined): ComponentId {
  return template.replace('{node}', node ?? 'w2-k8s');
}
