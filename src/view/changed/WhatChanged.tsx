// "What changed in 1.36" (issue 18): every difference the later profile declares, each
// with both values and its source, its script run in a lab of each profile side by side,
// and the page's own moment compared under both. Loaded when first opened.
import './changed.css';
import { useEffect, useRef } from 'react';
import type { Lang } from '../../lessons';
import { profiles } from '../../sim/profiles';
import { differences136 } from '../../sim/profiles/differences';
import { changedText } from './changedText';
import { DifferenceItem } from './DifferenceItem';
import type { MomentProps } from './MomentCompare';
import { MomentCompare } from './MomentCompare';
import { PAIR } from './pairing';

interface Props extends MomentProps {
  readonly lang: Lang;
  /** The page follows a server's lab (npm run api): its moments are not this page's to replay. */
  readonly attached: boolean;
  readonly onClose: () => void;
}

export default function WhatChanged(props: Props) {
  const { lang, attached, onClose } = props;
  const t = changedText[lang];
  const ref = useRef<HTMLDialogElement>(null);
  const [a, b] = PAIR.map((p) => profiles[p]);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    d.showModal();
    return () => d.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="changed-dialog"
      aria-labelledby="changed-title"
      onClose={onClose}
      // The player's keys (Space, arrows, Home/End) are the dialog's own while it is open; and
      // Escape is the dialog's too: the player's handler would cancel the browser's closing it.
      onKeyDown={(e) => e.stopPropagation()}
    >
      <div className="changed-head">
        <h2 id="changed-title">{t.title(b?.id ?? '')}</h2>
        <button type="button" className="changed-close" onClick={() => ref.current?.close()}>
          {t.close}
        </button>
      </div>
      <p className="changed-intro">{t.intro(a?.title ?? '', b?.title ?? '')}</p>
      {attached ? <p className="changed-attached">{t.attached}</p> : <MomentCompare {...props} />}
      <section aria-labelledby="changed-list-title">
        <h3 id="changed-list-title">{t.listTitle(differences136.length)}</h3>
        <ul className="difference-list">
          {differences136.map((d) => (
            <DifferenceItem key={d.id} difference={d} lang={lang} own={props.profile ?? PAIR[0]} />
          ))}
        </ul>
      </section>
    </dialog>
  );
}
