// What the instructor says at this step: title and narration in a polite live region,
// so a screen reader announces each step; what is exchanged; where the book simplifies.
import type { Lang, Lesson, Story } from '../lessons';
import { ui } from './i18n';

interface Props {
  readonly lesson: Lesson;
  readonly lang: Lang;
  readonly step: number;
  /** The names of the components that act in this step, as the diagram names them. */
  readonly actors: readonly string[];
  /** What the cluster is doing at the moment on screen, off the book's script too. */
  readonly story?: Story | undefined;
  /** The moment on screen, to count "in N s" from. */
  readonly now?: number;
}

export function Narration({ lesson, lang, step, actors, story, now = 0 }: Props) {
  const t = ui[lang];
  const s = lesson.steps.find((x) => x.n === step);
  const title = s ? s.title[lang] : lesson.intro.title[lang];
  const text = s ? s.narration[lang] : lesson.intro.narration[lang];
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls inside a full-screen layout, and a scrolling region must take the focus to be scrolled from the keyboard
    <section className="narration" aria-label={t.narration} tabIndex={0}>
      <div aria-live="polite" aria-atomic="true" className="narration-live">
        <p className="narration-step">{t.step(step, lesson.steps.length)}</p>
        <h2 className="narration-title">{title}</h2>
        <p className="narration-text">{text}</p>
        {story?.happening && (
          <div className="narration-happened">
            <p>
              <strong>{t.happened}:</strong> {story.happenings.map((h) => h.title[lang]).join(' · ')}
            </p>
            {story.happenings.map((h) => (
              <p key={`${h.kind}:${h.subject}`}>{h.text[lang]}</p>
            ))}
          </div>
        )}
        {story?.blocked && (
          <p className="narration-blocked" role="note">
            <strong>{t.blocked(story.blocked.step)}:</strong> {story.blocked.why[lang]}
          </p>
        )}
        {story?.skipped && !story.blocked && (
          <p className="narration-blocked">{t.skipped(story.skipped.from, story.skipped.to)}</p>
        )}
      </div>
      {/* Outside the live region: the countdown changes every frame. */}
      {story && (story.happening || story.blocked || story.skipped) && (
        <p className="narration-next">
          {story.next
            ? t.next(
                story.next.title[lang],
                Math.max(0, (story.next.at - now) / 1000).toFixed(story.next.at - now < 10_000 ? 1 : 0),
              )
            : story.lookingAhead
              ? t.lookingAhead
              : t.nothingNext}
        </p>
      )}
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
