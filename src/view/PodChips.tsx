// The pods a node runs, as chips coloured by kubectl's STATUS. The lab's own pods
// (kube-system) are counted, not drawn, so the lesson's pod stands out.
import { useRef } from 'react';
import type { PodView } from '../sim';
import type { Box } from './layout';
import { podTone } from './podStatus';
import { clipText, textWidth } from './textFit';
import { useFlash } from './useFlash';

interface Props {
  readonly box: Box;
  readonly pods: readonly PodView[];
  readonly systemCount: string;
  /** How many kube-system pods, for a box too narrow for the words. */
  readonly systemN: number;
  /** The box's name and state as drawn, to keep the count clear of them (SVG units). */
  readonly nameWidth: number;
  readonly fontBase: number;
  readonly motion: boolean;
  /** The pods left undrawn, in words: "+3 more", or "12 pods" where no chip fits. */
  readonly moreText: (hidden: number, drawn: number) => string;
}

/** Chips are 30 units apart below the box's title and state; two fit the wide stage's box. */
const chipsThatFit = (box: Box) => Math.max(0, Math.min(2, Math.floor((box.h - 30) / 30)));

export function PodChips({ box, pods, systemCount, systemN, nameWidth, fontBase, motion, moreText }: Props) {
  const chipW = box.w - 20;
  const room = box.w - nameWidth - 20;
  const count = textWidth(systemCount, fontBase * 0.75) <= room ? systemCount : `+${systemN}`;
  const drawn = pods.slice(0, chipsThatFit(box));
  const hidden = pods.length - drawn.length;
  return (
    <g className="pods">
      {hidden > 0 && (
        <text className="pods-more" x={box.x + box.w - 10} y={box.y + 44} textAnchor="end">
          {moreText(hidden, drawn.length)}
        </text>
      )}
      {drawn.map((p, i) => (
        <PodChip
          key={`${p.namespace}/${p.name}`}
          pod={p}
          x={box.x + 10}
          y={box.y + 52 + i * 30}
          w={chipW}
          fontBase={fontBase}
          motion={motion}
        />
      ))}
      <text className="pods-system" x={box.x + box.w - 10} y={box.y + 25} textAnchor="end">
        {count}
        {count !== systemCount && <title>{systemCount}</title>}
      </text>
    </g>
  );
}

function PodChip({
  pod,
  x,
  y,
  w,
  fontBase,
  motion,
}: {
  pod: PodView;
  x: number;
  y: number;
  w: number;
  fontBase: number;
  motion: boolean;
}) {
  // The status is what kubectl says: it is kept whole, and the name gives way to it.
  const px = fontBase * 0.8;
  const statusW = textWidth(pod.status, px);
  const room = w - 22 - statusW - 8;
  // A chip too narrow for both shows the status alone, the name as its tooltip.
  const name = room >= textWidth('ngi…', px, 700) ? clipText(pod.name, room, px, 700) : '';
  const halo = useRef<SVGRectElement>(null);
  useFlash(halo, pod.status, motion);
  return (
    <g className={`pod pod-${podTone(pod.status)}`}>
      <rect ref={halo} className="pod-halo" x={x - 4} y={y - 4} width={w + 8} height={32} rx={14} />
      <rect className="pod-chip" x={x} y={y} width={w} height={24} rx={12} />
      {name ? (
        <text className="pod-name" x={x + 12} y={y + 12} dy="0.35em">
          {name}
          {name !== pod.name && <title>{pod.name}</title>}
        </text>
      ) : (
        <title>{pod.name}</title>
      )}
      <text className="pod-status" x={x + w - 10} y={y + 12} dy="0.35em" textAnchor="end">
        {pod.status}
      </text>
    </g>
  );
}
