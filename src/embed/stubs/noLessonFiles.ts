// The custom element does not open teachers' lesson files (the YAML parser would double
// its size); the app and the iframe embed do.
import type { LessonFileResult } from '../../lessons/guided/loadLesson';

const unavailable: LessonFileResult = {
  errors: [
    {
      line: 0,
      message:
        'Lesson files open in the Podscope app or its iframe embed, not in the <pod-lifecycle-animator> element.',
    },
  ],
};

export async function loadLessonFromUrl(): Promise<LessonFileResult> {
  return unavailable;
}

export async function loadLessonFromFile(): Promise<LessonFileResult> {
  return unavailable;
}
