// The menu a component opens when clicked or activated with Enter: what can happen
// to it. Arrow keys move, Enter picks, Escape closes and gives focus back.
import type { KeyboardEvent } from 'react';
import { useEffect, useRef } from 'react';
import type { Lang } from '../../lessons';
import type { LabAction } from './componentActions';

interface Props {
  readonly title: string;
  readonly actions: readonly LabAction[];
  readonly lang: Lang;
  readonly at: { readonly x: number; readonly y: number };
  readonly onPick: (a: LabAction) => void;
  readonly onClose: () => void;
  /** Shows the component's state and its last messages in the inspector. */
  readonly onDetails: () => void;
}

export function FaultMenu({ title, actions, lang, at, onPick, onClose, onDetails }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const away = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [onClose]);
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
    else if (e.key === 'Home') items[0]?.focus();
    else if (e.key === 'End') items[items.length - 1]?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div
      ref={ref}
      className="fault-menu"
      role="menu"
      aria-label={title}
      style={{ left: `${at.x}px`, top: `${at.y}px` }}
      onKeyDown={onKey}
      tabIndex={-1}
    >
      <p className="fault-menu-title" aria-hidden="true">
        {title}
      </p>
      {actions.length === 0 ? (
        <p className="fault-menu-empty">
          {lang === 'ko' ? '이 구성 요소에는 주입할 장애가 없습니다.' : 'Nothing to inject here.'}
        </p>
      ) : (
        actions.map((a) => (
          <button key={a.label.en} type="button" role="menuitem" onClick={() => onPick(a)}>
            {a.label[lang]}
          </button>
        ))
      )}
      <button type="button" role="menuitem" className="fault-menu-details" onClick={onDetails}>
        {lang === 'ko' ? '상태와 최근 메시지 보기' : 'Show its state and last messages'}
      </button>
    </div>
  );
}
