// Book view: the eight numbered arrows of the book's figure, drawn between the boxes the
// trace says the steps happen in. The current step is lit; in presenter mode the steps
// to come are not shown before the teacher gets there.
import type { Lesson } from '../lessons';
import { resolveComponent } from '../lessons';
import type { Layout } from './layout';
import { boxOf, center, flightPath } from './layout';

interface Props {
  readonly lesson: Lesson;
  readonly layout: Layout;
  readonly node: string | undefined;
  readonly step: number;
  readonly hideFuture: boolean;
}

export function BookArrows({ lesson, layout, node, step, hideFuture }: Props) {
  return (
    // biome-ignore lint/a11y: an SVG <g> is the only grouping element SVG has; <fieldset> cannot live in it
    <g className="book-arrows" aria-hidden="true">
      {lesson.steps.map((s) => {
        if (hideFuture && s.n > step) return null;
        const a = boxOf(layout, resolveComponent(s.arrow.from, node));
        const b = boxOf(layout, resolveComponent(s.arrow.to, node));
        if (!a || !b) return null;
        const path = flightPath(a, b);
        const mid = path.at(0.5);
        const tone = s.n === step ? 'current' : s.n < step ? 'past' : 'future';
        // Step 8 is the pod itself becoming usable: its number sits on the pods box.
        const badge = s.n === 8 ? center(boxOf(layout, `pods@${node}`) ?? b) : mid;
        return (
          <g key={s.n} className={`book-arrow ${tone}`}>
            {s.n !== 8 && <path d={path.d} markerEnd="url(#arrowhead)" />}
            <circle cx={badge.x} cy={badge.y - (s.n === 8 ? 40 : 0)} r={14} />
            <text x={badge.x} y={badge.y - (s.n === 8 ? 40 : 0)} dy="0.35em" textAnchor="middle">
              {s.n}
            </text>
          </g>
        );
      })}
    </g>
  );
}
