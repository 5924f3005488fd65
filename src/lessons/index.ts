// lessons: lessons as data and the tour machine that maps the trace to the book's steps; may import sim and shell.

export { BOOK_STEP_RULES, BookStepReader, bookStepOf } from './bookSteps';
export type { BookArrow, Lang, Lesson, LessonInput, LessonStep, Localized } from './lesson';
export { isBookMessage, isStepMessage, LANGS, lessonStepOf, resolveComponent } from './lesson';
export { NGINX_POD_COMMAND, podCreate } from './podCreate';
export { lessonEnd, stepAnchors, stepAt } from './stepAnchors';
export type { TourContext, TourEvent } from './tourMachine';
export { tourMachine } from './tourMachine';

import type { Lesson } from './lesson';
import { podCreate } from './podCreate';

export const lessons: Readonly<Record<string, Lesson>> = { [podCreate.id]: podCreate };
export type { Happening, HappeningKind, MomentRecord } from './happenings';
export { HappeningLog, happenings } from './happenings';
export type { ClusterMoment } from './moment';
export type { Story, StoryNext } from './story';
export { storyAt } from './story';
