// A teacher's lesson, from `?lesson-file=<same-origin path>` or a file opened from disk:
// the lesson, or its errors with line numbers. Never throws; text stays text.
import { useCallback, useEffect, useState } from 'react';
import type { GuidedLesson } from '../../lessons/guided/types';

// The loader (and the YAML parser behind it) is fetched only when a lesson file is used.
const loader = () => import('../../lessons/guided/loadLesson');

export interface LessonErrorLine {
  readonly line: number;
  readonly message: string;
}

export function useTeacherLesson(search: string) {
  const [lesson, setLesson] = useState<GuidedLesson | undefined>();
  const [errors, setErrors] = useState<readonly LessonErrorLine[]>([]);
  const take = useCallback((r: { lesson: GuidedLesson } | { errors: readonly LessonErrorLine[] }) => {
    if ('lesson' in r) {
      setLesson(r.lesson);
      setErrors([]);
    } else setErrors(r.errors);
  }, []);
  useEffect(() => {
    const param = new URLSearchParams(search).get('lesson-file');
    if (!param) return;
    let live = true;
    loader()
      .then((m) => m.loadLessonFromUrl(param, { pageUrl: window.location.href }))
      .then((r) => live && take(r))
      .catch((e: unknown) => live && setErrors([{ line: 0, message: String(e) }]));
    return () => {
      live = false;
    };
  }, [search, take]);
  const openFile = useCallback(
    (file: File) => {
      loader()
        .then((m) => m.loadLessonFromFile(file))
        .then(take)
        .catch((e: unknown) => setErrors([{ line: 0, message: String(e) }]));
    },
    [take],
  );
  const dismiss = useCallback(() => setErrors([]), []);
  return { lesson, errors, openFile, dismiss };
}
