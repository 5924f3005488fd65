// What the instructor says at this step: title and narration in a polite live region,
// so a screen reader announces each step; what is exchanged; where the book simplifies.
import type { Lang, Lesson } from '../lessons';
import { ui } from './i18n';

interface Props {
  readonly lesson: Lesson;
  readonly lang: Lang;
  readonly step: number;
  /** The names of the components that act in this step, as the diagram names them. */
  readonly actors: readonly string[];
}

export function Narration({ lesson, lang, step, actors }: Props) {
  const t = ui[lang];
  const s = lesson.steps.find((x) => x.n === step);
  const title = s ? s.title[lang] : lesson.intro.title[lang];
  const text = s ? s.narration[lang] : lesson.intro.narration[lang];
  return (
    <section className="narration" aria-label={t.narration}>
      <div aria-live="polite" aria-atomic="true" className="narration-live">
        <p className="narration-step">{t.step(step, lesson.steps.length)}</p>
        <h2 className="narration-title">{title}</h2>
        <p className="narration-text">{text}</p>
      </div>
      {actors.length > 0 && (
        <p className="narration-actors">
          <strong>{t.acting}:</strong> {actors.join(', ')}
        </p>
      )}
      {s && (
        <p className="narration-exchange">
          <strong>{t.exchange}:</strong> {s.exchange[lang]}
        </p>
      )}
      {s?.really && (
        <aside className="narration-really" aria-label={t.really}>
          <strong>{t.really}</strong>
          <p>{s.really[lang]}</p>
        </aside>
      )}
    </section>
  );
}
