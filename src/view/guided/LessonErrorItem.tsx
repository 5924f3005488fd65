// One error of a teacher's lesson file: its line, where in the lesson (a path of the
// file, set as code: it is the teacher's own keys) and what is wrong, in the page's language.
import type { Lang } from '../../lessons';

export function LessonErrorItem({
  line,
  place,
  words,
  lang,
}: {
  readonly line: number;
  readonly place?: string | undefined;
  readonly words: string;
  readonly lang: Lang;
}) {
  return (
    <li>
      {line > 0 && `${lang === 'ko' ? '줄' : 'line'} ${line}: `}
      {place !== undefined && (
        <>
          <code>{place}</code>:{' '}
        </>
      )}
      {words}
    </li>
  );
}
