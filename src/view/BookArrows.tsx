// Book view: the eight numbered arrows of the book's figure, drawn between the boxes the
// trace says the steps happen in. The current step is lit; in presenter mode the steps
// to come are not shown before the teacher gets there. Each number sits where it covers
// no component's name and no other number (labelPlacement.ts).
import type { Lesson } from '../lessons';
import { resolveComponent } from '../lessons';
import type { Badge, BadgeRequest, Rect } from './labelPlacement';
import { placeBadges } from './labelPlacement';
import type { Layout } from './layout';
import { boxOf, flightPath } from './layout';

interface Props {
  readonly lesson: Lesson;
  readonly layout: Layout;
  readonly node: string | undefined;
  readonly step: number;
  readonly hideFuture: boolean;
  readonly badges: readonly Badge[];
}

/** Along an arrow, the places its number may take, the middle first. */
const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78];

/** Where each step's number goes. Step 8 is the pod itself becoming usable: its number sits on the pods box. */
export function bookBadges(
  lesson: Lesson,
  layout: Layout,
  node: string | undefined,
  step: number,
  hideFuture: boolean,
  obstacles: readonly Rect[],
): Badge[] {
  const requests: BadgeRequest[] = [];
  const fixed: Badge[] = [];
  for (const s of lesson.steps) {
    if (hideFuture && s.n > step) continue;
    const a = boxOf(layout, resolveComponent(s.arrow.from, node));
    const b = boxOf(layout, resolveComponent(s.arrow.to, node));
    if (!a || !b) continue;
    if (s.n === 8) {
      // At the top right of the pod's node, where no text is: this node's pod is usable.
      const box = layout.nodes.find((x) => x.host === node)?.box ?? b;
      fixed.push({ n: 8, x: box.x + box.w - 22, y: box.y + 20 });
      continue;
    }
    const path = flightPath(a, b);
    requests.push({ n: s.n, along: ALONG.map((t) => path.at(t)), from: a, to: b });
  }
  const bounds = { x: 0, y: 0, w: layout.width, h: layout.height };
  return [...placeBadges(requests, obstacles, bounds), ...fixed];
}

export function BookArrows({ lesson, layout, node, step, hideFuture, badges }: Props) {
  return (
    // biome-ignore lint/a11y: an SVG <g> is the only grouping element SVG has; <fieldset> cannot live in it
    <g className="book-arrows" aria-hidden="true">
      {lesson.steps.map((s) => {
        if (hideFuture && s.n > step) return null;
        const a = boxOf(layout, resolveComponent(s.arrow.from, node));
        const b = boxOf(layout, resolveComponent(s.arrow.to, node));
        const badge = badges.find((x) => x.n === s.n);
        if (!a || !b || !badge) return null;
        const path = flightPath(a, b);
        const tone = s.n === step ? 'current' : s.n < step ? 'past' : 'future';
        return (
          <g key={s.n} className={`book-arrow ${tone}`}>
            {s.n !== 8 && <path d={path.d} markerEnd="url(#arrowhead)" />}
            <circle cx={badge.x} cy={badge.y} r={14} />
            <text x={badge.x} y={badge.y} dy="0.35em" textAnchor="middle">
              {s.n}
            </text>
          </g>
        );
      })}
    </g>
  );
}
