// The messages in flight at "now", each at messageProgress along its path. Nothing here
// keeps animation state: pause, 0.25× and scrubbing are just other values of `now`.
import type { Lang, Lesson } from '../lessons';
import { isBookMessage, lessonStepOf } from '../lessons';
import type { LessonPlayer } from '../player';
import { inFlightAt, messageProgress } from '../player';
import type { Envelope } from '../sim';
import { usePlayerSnapshot } from './hooks';
import type { Rect } from './labelPlacement';
import { placeLabels } from './labelPlacement';
import type { Layout } from './layout';
import { boxOf, flightPath } from './layout';
import { messageText } from './messageText';
import type { ViewMode } from './urlState';

interface Props {
  readonly lp: LessonPlayer;
  readonly lesson: Lesson;
  readonly layout: Layout;
  readonly view: ViewMode;
  /** false under prefers-reduced-motion: a message is a lit arrow instead of a moving dot. */
  readonly motion: boolean;
  /** What the labels keep clear of: the components' names and states, the step numbers. */
  readonly obstacles: readonly Rect[];
  readonly fontBase: number;
  readonly lang: Lang;
}

/** Labels only while few messages fly at once; more would hide the picture. */
const MAX_LABELS = 6;

export function MessageTokens({ lp, lesson, layout, view, motion, obstacles, fontBase, lang }: Props) {
  const { now } = usePlayerSnapshot(lp);
  const envelopes = lp.player.envelopes();
  const visible = (e: Envelope) => view === 'watch' || isBookMessage(lesson, envelopes, e);
  const flying = inFlightAt(envelopes, now).filter(visible);
  const requests = [];
  if (flying.length <= MAX_LABELS)
    for (const e of flying) {
      const a = boxOf(layout, e.from);
      const b = boxOf(layout, e.to);
      const p = messageProgress(e, now);
      if (!a || !b || a === b || p === undefined) continue;
      const pos = flightPath(a, b).at(p);
      const text = messageText(e.summary, lang);
      requests.push({ id: e.id, x: pos.x, y: pos.y, text, short: text.split(' ')[0] ?? '' });
    }
  const bounds = { x: 0, y: 0, w: layout.width, h: layout.height };
  const labels = new Map(placeLabels(requests, obstacles, bounds, fontBase * 0.72).map((l) => [l.id, l]));
  return (
    // biome-ignore lint/a11y: an SVG <g> is the only grouping element SVG has; <fieldset> cannot live in it
    <g className="tokens" aria-hidden="true">
      {flying.map((e) => {
        const a = boxOf(layout, e.from);
        const b = boxOf(layout, e.to);
        const p = messageProgress(e, now);
        if (!a || !b || a === b || p === undefined) return null;
        const path = flightPath(a, b);
        const pos = path.at(p);
        const kind = e.kind.startsWith('watch.') ? 'watch' : e.kind.startsWith('etcd.') ? 'etcd' : 'call';
        const step = view === 'book' ? lessonStepOf(lesson, envelopes, e) : undefined;
        const book = step !== undefined;
        return (
          <g key={e.id} className={`token token-${kind}${book ? ' token-book' : ''}`}>
            {!motion && <path className="flight" d={path.d} markerEnd="url(#arrowhead-hot)" />}
            {motion && <path className="trail" d={path.d} />}
            <circle className="token-dot" cx={pos.x} cy={pos.y} r={book ? 12 : 8} />
            {book && (
              <text className="token-step" x={pos.x} y={pos.y} dy="0.35em" textAnchor="middle">
                {step}
              </text>
            )}
            {(() => {
              const label = labels.get(e.id);
              return label ? (
                <text className="token-label" x={label.x} y={label.y} textAnchor={label.anchor}>
                  {label.text}
                </text>
              ) : null;
            })()}
          </g>
        );
      })}
    </g>
  );
}
