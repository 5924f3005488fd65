// What the marks on the stage mean, for the view on screen.
import type { Lang } from '../lessons';
import { ui } from './i18n';
import type { ViewMode } from './urlState';

export function Legend({ lang, view }: { lang: Lang; view: ViewMode }) {
  const t = ui[lang].legend;
  if (view === 'book') return <p className="legend">{t.book}</p>;
  return (
    <ul className="legend">
      <li>
        <span className="swatch swatch-call" aria-hidden="true" /> {t.call}
      </li>
      <li>
        <span className="swatch swatch-watch" aria-hidden="true" /> {t.watch}
      </li>
      <li>
        <span className="swatch swatch-etcd" aria-hidden="true" /> {t.etcd}
      </li>
    </ul>
  );
}
