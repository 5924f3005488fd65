// The lesson on one line, on the tour's time scale (the time warp), so the eight steps
// are spread out as they are seen rather than bunched in the few milliseconds they take.
// Drag or click anywhere to seek; the step markers jump to their step.
import type { PointerEvent as ReactPointerEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { Lang, Lesson } from '../lessons';
import type { LessonPlayer } from '../player';
import type { FaultRef } from '../sim';
import { faultLabel } from '../sim';
import type { ProfileId } from '../sim/profiles';
import { usePlayerSnapshot } from './hooks';
import { ui } from './i18n';
import { labText } from './lab/labText';
import { spreadMarkers } from './textFit';

interface Props {
  readonly lp: LessonPlayer;
  readonly lesson: Lesson;
  readonly lang: Lang;
  readonly step: number;
}

export function Timeline({ lp, lesson, lang, step }: Props) {
  const { now, end, skipIdle } = usePlayerSnapshot(lp);
  const track = useRef<HTMLDivElement>(null);
  const warp = lp.player.warp;
  // The timeline reaches to the end of what was recorded, which grows while the live edge plays.
  const duration = Math.max(1, warp.toTour(end));
  const t = ui[lang];
  const fraction = (c: number) => Math.min(1, Math.max(0, warp.toTour(c) / duration));

  const seekAt = (clientX: number) => {
    const el = track.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    lp.player.pause();
    lp.player.seekTour(((clientX - r.left) / Math.max(1, r.width)) * duration);
  };
  const onDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest('button')) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    seekAt(e.clientX);
  };
  // A step marker can be dragged along the track like the thumb; a press without a drag
  // (or Enter) goes to its step.
  const drag = useRef<{ x: number; moved: boolean } | undefined>(undefined);
  const markerDown = (e: ReactPointerEvent<HTMLButtonElement>) => {
    drag.current = { x: e.clientX, moved: false };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const markerMove = (e: ReactPointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    if (!d || !e.currentTarget.hasPointerCapture?.(e.pointerId)) return;
    if (!d.moved && Math.abs(e.clientX - d.x) < 4) return;
    d.moved = true;
    seekAt(e.clientX);
  };
  const markerClick = (n: number) => {
    const dragged = drag.current?.moved;
    drag.current = undefined;
    if (!dragged) lp.goToStep(n);
  };
  const onMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture?.(e.pointerId)) seekAt(e.clientX);
  };

  // Steps 1–4 happen within milliseconds of each other: keep their markers apart to be
  // clickable, by a marker's width and a little on the track as it is drawn.
  const trackWidth = useWidth(track);
  const markerPx = 1.6 * rootFontPx() + 3;
  const gap = Math.min(1 / Math.max(1, lesson.steps.length), trackWidth ? markerPx / trackWidth : 0.035);
  const markers = spreadMarkers(
    lesson.steps.map((s) => fraction(lp.anchor(s.n) ?? 0)),
    gap,
  );
  const seconds = (now / 1000).toFixed(3);
  return (
    <div className="timeline">
      <div className="timeline-wrap">
        <div
          ref={track}
          className="timeline-track"
          role="slider"
          tabIndex={0}
          aria-label={t.timeline}
          aria-valuemin={0}
          aria-valuemax={Math.round(duration)}
          aria-valuenow={Math.round(warp.toTour(now))}
          aria-valuetext={`${t.step(step, lesson.steps.length)}, ${t.time(seconds)}`}
          onPointerDown={onDown}
          onPointerMove={onMove}
        >
          <div className="timeline-fill" style={{ width: `${fraction(now) * 100}%` }} />
          {lp
            .inputs()
            .filter((i) => !i.scripted)
            .map((i) => (
              // The person's own inputs (lines typed, faults injected) as ticks on the track.
              <span
                key={`${i.at}-${'line' in i ? i.line : 'fault' in i ? `${i.fault.id}${i.heal}` : 'C'}`}
                className={`timeline-input ${'fault' in i ? 'fault' : 'line'}`}
                style={{ left: `${fraction(i.at) * 100}%` }}
                title={
                  'line' in i ? i.line : 'fault' in i ? faultTitle(i.fault, i.heal, lang, lp.profile) : '^C'
                }
                aria-hidden="true"
              />
            ))}
          <div className="timeline-thumb" style={{ left: `${fraction(now) * 100}%` }} />
        </div>
        {/* The step markers sit over the slider, not inside it: a slider may not contain buttons. */}
        <div className="timeline-markers">
          {lesson.steps.map((s, i) => {
            if (lp.anchor(s.n) === undefined) return null;
            return (
              <button
                key={s.n}
                type="button"
                className={`timeline-marker${s.n === step ? ' current' : ''}`}
                style={{ left: `${(markers[i] ?? 0) * 100}%` }}
                aria-label={t.stepMarker(s.n, s.title[lang])}
                title={t.stepMarker(s.n, s.title[lang])}
                onClick={() => markerClick(s.n)}
                onPointerDown={markerDown}
                onPointerMove={markerMove}
              >
                {s.n}
              </button>
            );
          })}
        </div>
      </div>
      <span className="timeline-time">
        {t.time(seconds)} <span className="timeline-mode">({skipIdle ? t.idleSkipped : t.realTime})</span>
      </span>
    </div>
  );
}

const rootFontPx = () =>
  typeof document === 'undefined'
    ? 16
    : Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

/** An element's width in CSS pixels, kept up to date as it changes. */
function useWidth(ref: { readonly current: HTMLElement | null }): number | undefined {
  const [width, setWidth] = useState<number | undefined>();
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver !== 'function') return;
    const measure = () => setWidth(el.getBoundingClientRect().width || undefined);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** "− Stop the scheduler", "+ Heal: Stop the kubelet on w2-k8s (w2-k8s)": a fault tick's title in the page's language. */
function faultTitle(fault: FaultRef, heal: boolean, lang: Lang, profile?: ProfileId): string {
  const label = faultLabel(fault.id, profile)?.[lang] ?? fault.id;
  const what = fault.target && !label.includes(fault.target) ? `${label} (${fault.target})` : label;
  return heal ? `+ ${labText[lang].heal}: ${what}` : `− ${what}`;
}
