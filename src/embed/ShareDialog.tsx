// The Share dialog: the link, the iframe and the element for the state on screen, each
// with a copy button, and the current frame exported as SVG or PNG for slides.
import './share.css';
import { useEffect, useRef, useState } from 'react';
import type { HeaderContext } from '../view/appOptions';
import { exportPng, exportSvg } from './exportFrame';
import { shareText } from './shareText';
import { snippets } from './snippets';
import { version } from './version';

interface Props extends HeaderContext {
  readonly focus: 'share' | 'export';
  readonly onClose: () => void;
}

function CopyField({
  label,
  value,
  copy,
  copied,
}: {
  label: string;
  value: string;
  copy: string;
  copied: string;
}) {
  const [done, setDone] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Without clipboard permission (an http page, a strict browser) the text is selected for Ctrl+C.
      ref.current?.select();
    }
    setDone(true);
  };
  return (
    <label className="share-field">
      <span>{label}</span>
      <textarea ref={ref} readOnly value={value} rows={value.includes('\n') || value.length > 90 ? 3 : 1} />
      <button type="button" onClick={onCopy} aria-label={`${copy}: ${label}`}>
        {done ? copied : copy}
      </button>
    </label>
  );
}

export function ShareDialog({ lp, lang, search, focus, onClose }: Props) {
  const t = shareText[lang];
  const ref = useRef<HTMLDialogElement>(null);
  const exportRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    d.showModal();
    if (focus === 'export') exportRef.current?.focus();
    return () => d.close();
  }, [focus]);
  const s = snippets(location.href, search, `Podscope: ${lp.lesson.title[lang]}`);
  const svg = () => document.querySelector<SVGSVGElement>('svg.stage-svg');
  const name = `podscope-${lp.lesson.id}-step${lp.step}`;
  return (
    <dialog ref={ref} className="share-dialog" aria-labelledby="share-title" onClose={onClose}>
      <h2 id="share-title">{t.title}</h2>
      <CopyField label={t.link} value={s.link} copy={t.copy} copied={t.copied} />
      <CopyField label={t.iframe} value={s.iframe} copy={t.copy} copied={t.copied} />
      <CopyField label={t.element} value={s.element} copy={t.copy} copied={t.copied} />
      <h3>{t.exportTitle}</h3>
      <p className="share-export">
        <button
          type="button"
          ref={exportRef}
          onClick={() => svg() && exportSvg(svg() as SVGSVGElement, name)}
        >
          {t.svg}
        </button>
        <button type="button" onClick={() => svg() && exportPng(svg() as SVGSVGElement, name)}>
          {t.png}
        </button>
      </p>
      <p className="share-version">
        {t.version} {version}
      </p>
      <button type="button" onClick={() => ref.current?.close()}>
        {t.close}
      </button>
    </dialog>
  );
}
