// The inferred messages in flight, each at its place along its path at the page's clock
// (player/messageProgress): a dot, the book's step number on the dots that have one, and
// a label while few fly at once. It redraws itself each frame only while one is in flight.
import { useEffect, useState } from 'react';
import type { Lang } from '../lessons/lesson';
import { inFlightAt, messageProgress } from '../player/messageProgress';
import type { SimMs } from '../sim';
import type { Layout } from '../view/layout';
import { boxOf, flightPath } from '../view/layout';
import { messageText } from '../view/messageText';
import type { LiveMessage } from './observer';

const MAX_LABELS = 6;

interface Props {
  readonly messages: () => readonly LiveMessage[];
  readonly clock: () => number;
  readonly layout: Layout;
  readonly lang: Lang;
  /** Changes when the observer saw something: a new message may be flying. */
  readonly version: number;
}

export function LiveTokens({ messages, clock, layout, lang, version }: Props) {
  const [now, setNow] = useState(clock);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new observation starts the loop again
  useEffect(() => {
    let id = 0;
    const tick = () => {
      const t = clock();
      setNow(t);
      const all = messages();
      const last = all[all.length - 1];
      if (last && last.deliverAt >= t) id = requestAnimationFrame(tick);
    };
    id = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(id);
  }, [version, clock, messages]);
  const flying = inFlightAt(messages(), now as SimMs) as LiveMessage[];
  return (
    // biome-ignore lint/a11y: an SVG <g> is the only grouping element SVG has
    <g className="tokens" aria-hidden="true">
      {flying.map((e) => {
        const a = boxOf(layout, e.from);
        const b = boxOf(layout, e.to);
        const p = messageProgress(e, now as SimMs);
        if (!a || !b || a === b || p === undefined) return null;
        const path = flightPath(a, b);
        const pos = path.at(p);
        const kind = e.kind.startsWith('watch.') ? 'watch' : e.kind.startsWith('etcd.') ? 'etcd' : 'call';
        const book = e.step !== undefined;
        return (
          <g key={e.id} className={`token token-${kind}${book ? ' token-book' : ''}`}>
            <path className="trail" d={path.d} />
            <circle className="token-dot" cx={pos.x} cy={pos.y} r={book ? 12 : 8} />
            {book && (
              <text className="token-step" x={pos.x} y={pos.y} dy="0.35em" textAnchor="middle">
                {e.step}
              </text>
            )}
            {flying.length <= MAX_LABELS && (
              <text className="token-label" x={pos.x + 14} y={pos.y - 14}>
                {messageText(e.summary, lang)}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}
