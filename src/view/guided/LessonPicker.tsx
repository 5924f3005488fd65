// Choosing a lesson: the book's tour and the guided lessons, or a teacher's file.
import type { Lang } from '../../lessons';
import { lessons } from '../../lessons';
import { guidedCatalog } from '../../lessons/guided/catalog';
import { LessonSelect } from './LessonSelect';

interface Props {
  readonly current: string;
  readonly lang: Lang;
  readonly onOpenFile: (file: File) => void;
}

/** Every lesson the app has, in the order the lesson list shows them. */
export const allLessons = () => [...Object.values(lessons), ...guidedCatalog];

export function LessonPicker({ current, lang, onOpenFile }: Props) {
  return <LessonSelect all={allLessons()} current={current} lang={lang} onOpenFile={onOpenFile} />;
}
