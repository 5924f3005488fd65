// `?`: every key the player understands.
import { useEffect, useRef } from 'react';
import type { Lang } from '../lessons';
import { ui } from './i18n';

export function HelpOverlay({ lang, onClose }: { lang: Lang; onClose: () => void }) {
  const t = ui[lang];
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label={t.help}>
      <div className="overlay-card">
        <h2>{t.help}</h2>
        <dl className="shortcuts">
          {t.shortcuts.map(([key, what]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <button ref={close} type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </div>
  );
}
