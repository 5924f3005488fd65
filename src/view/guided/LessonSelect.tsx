// The lesson list and the "Open a lesson file…" button, given the lessons to list: the
// app's LessonPicker lists them all; the poster (first paint) lists the same without
// loading the lessons' code.
import './picker.css';
import type { ChangeEvent } from 'react';
import { useCallback, useId, useRef } from 'react';
import type { Lang, Localized } from '../../lessons';

interface Props {
  readonly all: readonly { readonly id: string; readonly title: Localized }[];
  readonly current: string;
  readonly lang: Lang;
  readonly onOpenFile: (file: File) => void;
}

export function LessonSelect({ all, current, lang, onOpenFile }: Props) {
  const id = useId();
  const file = useRef<HTMLInputElement | null>(null);
  const opened = useRef(onOpenFile);
  opened.current = onOpenFile;
  // A native listener, never removed: a file dialog opened from the poster is often
  // answered after the app has replaced the poster. Its input is detached by then and
  // React no longer passes its events on; this listener still hands the file over.
  const attach = useCallback((el: HTMLInputElement | null) => {
    file.current = el;
    el?.addEventListener('change', () => {
      const f = el.files?.[0];
      if (f) opened.current(f);
      el.value = '';
    });
  }, []);
  const known = all.some((l) => l.id === current);
  const go = (e: ChangeEvent<HTMLSelectElement>) => {
    const q = new URLSearchParams(window.location.search);
    q.set('lesson', e.target.value);
    q.delete('step');
    q.delete('lesson-file');
    window.location.search = `?${q.toString()}`;
  };
  return (
    <div className="lesson-picker">
      <label htmlFor={id}>{lang === 'ko' ? '레슨' : 'Lesson'}</label>
      <select id={id} value={known ? current : ''} onChange={go}>
        {!known && <option value="">{lang === 'ko' ? '(레슨 파일)' : '(lesson file)'}</option>}
        {all.map((l) => (
          <option key={l.id} value={l.id}>
            {l.title[lang]}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => file.current?.click()}>
        {lang === 'ko' ? '레슨 파일 열기…' : 'Open a lesson file…'}
      </button>
      <input
        ref={attach}
        type="file"
        accept=".yaml,.yml,.json"
        hidden
        aria-label={lang === 'ko' ? '레슨 파일' : 'Lesson file'}
      />
    </div>
  );
}
