// Guided lessons (issue 6): the built-in lessons, the engine that moves a student
// through them, progress in the browser, and teachers' lesson files. The `yaml`
// parser is not imported here: loadLesson fetches it when a file is opened.
export type { CheckContext, TypedLine } from './checks';
export { describeCheck, evaluate } from './checks';
export { checkContext, typedLines } from './context';
export { guidedLessons } from './lessons/index';
export type { LessonFileResult, UrlLoadOptions } from './loadLesson';
export { lessonUrl, loadLessonFromFile, loadLessonFromUrl } from './loadLesson';
export type { YamlModule } from './parseLessonFile';
export { parseLessonFile } from './parseLessonFile';
export type { Progress, ProgressStorage } from './progress';
export {
  loadProgress,
  memoryStorage,
  PROGRESS_KEY,
  readProgress,
  resetProgress,
  saveProgress,
} from './progress';
export type { GuidedRunEvent } from './runMachine';
export { guidedRunMachine } from './runMachine';
export type { GuidedRun, SavedRun } from './runner';
export {
  awaitsPrediction,
  back,
  currentStep,
  goTo,
  isDone,
  isFinished,
  next,
  predict,
  predictionRight,
  startRun,
  stepSatisfied,
  toSaved,
  update,
} from './runner';
export { LAB_HOSTS, lessonSchema } from './schema';
export type { Check, GuidedLesson, GuidedStep, LessonCommand, LessonFault, Prediction } from './types';
export type { LessonError } from './validate';
export type { WalkOptions, WalkResult } from './walk';
export { typeAndSettle, walkLesson } from './walk';
