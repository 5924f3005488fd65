// The pods a node runs, as chips coloured by kubectl's STATUS. The lab's own pods
// (kube-system) are counted, not drawn, so the lesson's pod stands out.
import { useRef } from 'react';
import type { PodView } from '../sim';
import type { Box } from './layout';
import { podTone } from './podStatus';
import { useFlash } from './useFlash';

interface Props {
  readonly box: Box;
  readonly pods: readonly PodView[];
  readonly systemCount: string;
  readonly motion: boolean;
}

export function PodChips({ box, pods, systemCount, motion }: Props) {
  const chipW = box.w - 20;
  return (
    <g className="pods">
      {pods.slice(0, 2).map((p, i) => (
        <PodChip
          key={`${p.namespace}/${p.name}`}
          pod={p}
          x={box.x + 10}
          y={box.y + 52 + i * 30}
          w={chipW}
          motion={motion}
        />
      ))}
      <text className="pods-system" x={box.x + box.w - 10} y={box.y + 25} textAnchor="end">
        {systemCount}
      </text>
    </g>
  );
}

function PodChip({
  pod,
  x,
  y,
  w,
  motion,
}: {
  pod: PodView;
  x: number;
  y: number;
  w: number;
  motion: boolean;
}) {
  const halo = useRef<SVGRectElement>(null);
  useFlash(halo, pod.status, motion);
  return (
    <g className={`pod pod-${podTone(pod.status)}`}>
      <rect ref={halo} className="pod-halo" x={x - 4} y={y - 4} width={w + 8} height={32} rx={14} />
      <rect className="pod-chip" x={x} y={y} width={w} height={24} rx={12} />
      <text className="pod-name" x={x + 12} y={y + 12} dy="0.35em">
        {pod.name}
      </text>
      <text className="pod-status" x={x + w - 10} y={y + 12} dy="0.35em" textAnchor="end">
        {pod.status}
      </text>
    </g>
  );
}
