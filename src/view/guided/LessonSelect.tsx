// The lesson list and the "Open a lesson file…" button, given the lessons to list: the
// app's LessonPicker lists them all; the poster (first paint) lists the same without
// loading the lessons' code.
import './picker.css';
import type { ChangeEvent } from 'react';
import { useId, useRef } from 'react';
import type { Lang, Localized } from '../../lessons';

interface Props {
  readonly all: readonly { readonly id: string; readonly title: Localized }[];
  readonly current: string;
  readonly lang: Lang;
  readonly onOpenFile: (file: File) => void;
}

export function LessonSelect({ all, current, lang, onOpenFile }: Props) {
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
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
        ref={file}
        type="file"
        accept=".yaml,.yml,.json"
        hidden
        aria-label={lang === 'ko' ? '레슨 파일' : 'Lesson file'}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onOpenFile(f);
          e.target.value = '';
        }}
      />
    </div>
  );
}
