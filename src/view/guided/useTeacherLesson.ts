// A teacher's lesson, from `?lesson-file=<same-origin path>` or a file opened from disk:
// the lesson, or its errors with line numbers. Never throws; text stays text.
import { useCallback, useEffect, useState } from 'react';
import type { Lang } from '../../lessons';
import type { LessonError } from '../../lessons/guided/errorText';
import type { GuidedLesson } from '../../lessons/guided/types';
import { takeLessonFiles } from './pendingFile';

// The loader (and the YAML parser behind it) is fetched only when a lesson file is used.
const loader = () => import('../../lessons/guided/loadLesson');

export type LessonErrorLine = LessonError;

type Parts = { readonly place?: string; readonly words: string };
/** Until the loader is here an error is shown as it came (only the loader makes errors). */
const asGiven = (e: LessonError): Parts => ({ words: e.message });
const failure = (e: unknown): LessonError => {
  const why = String(e);
  return { line: 0, message: `the file could not be read (${why})`, detail: { code: 'unreadable', why } };
};

export function useTeacherLesson(search: string) {
  const [lesson, setLesson] = useState<GuidedLesson | undefined>();
  const [errors, setErrors] = useState<readonly LessonErrorLine[]>([]);
  // The errors' words in either language come with the loader, off the first page.
  const [render, setRender] = useState<{ text: (e: LessonError, lang: Lang) => Parts }>({
    text: asGiven,
  });
  const take = useCallback((r: { lesson: GuidedLesson } | { errors: readonly LessonErrorLine[] }) => {
    if ('lesson' in r) {
      setLesson(r.lesson);
      setErrors([]);
    } else setErrors(r.errors);
  }, []);
  const load = useCallback(
    () =>
      loader().then((m) => {
        setRender({ text: m.lessonErrorParts });
        return m;
      }),
    [],
  );
  useEffect(() => {
    const param = new URLSearchParams(search).get('lesson-file');
    if (!param) return;
    let live = true;
    load()
      .then((m) => m.loadLessonFromUrl(param, { pageUrl: window.location.href }))
      .then((r) => live && take(r))
      .catch((e: unknown) => live && setErrors([failure(e)]));
    return () => {
      live = false;
    };
  }, [search, take, load]);
  const openFile = useCallback(
    (file: File) => {
      load()
        .then((m) => m.loadLessonFromFile(file))
        .then(take)
        .catch((e: unknown) => setErrors([failure(e)]));
    },
    [take, load],
  );
  // A file picked on the poster while this code was still on its way.
  useEffect(() => takeLessonFiles(openFile), [openFile]);
  const dismiss = useCallback(() => setErrors([]), []);
  return { lesson, errors, errorText: render.text, openFile, dismiss };
}
