// The messages in flight at "now", each at messageProgress along its path. Nothing here
// keeps animation state: pause, 0.25× and scrubbing are just other values of `now`.
import type { Lang, Lesson } from '../lessons';
import { isBookMessage, lessonStepOf } from '../lessons';
import type { LessonPlayer } from '../player';
import { inFlightAt, messageProgress } from '../player';
import type { Envelope } from '../sim';
import { usePlayerSnapshot } from './hooks';
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
  readonly lang: Lang;
}

/** Labels only while few messages fly at once; more would hide the picture. */
const MAX_LABELS = 6;

export function MessageTokens({ lp, lesson, layout, view, motion, lang }: Props) {
  const { now } = usePlayerSnapshot(lp);
  const envelopes = lp.player.envelopes();
  const visible = (e: Envelope) => view === 'watch' || isBookMessage(lesson, envelopes, e);
  const flying = inFlightAt(envelopes, now).filter(visible);
  const labelled = flying.length <= MAX_LABELS;
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
            {labelled && (
              <text className="token-label" x={pos.x + 15} y={pos.y - 12}>
                {messageText(e.summary, lang)}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}
