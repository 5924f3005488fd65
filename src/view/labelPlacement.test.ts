import { describe, expect, it } from 'vitest';
import { overlaps, placeBadges, placeLabels, stageObstacles } from './labelPlacement';
import { wideLayout } from './layout';

const bounds = { x: 0, y: 0, w: 400, h: 300 };

describe('placeLabels', () => {
  it('puts two labels of messages at one place on two sides, neither over the other', () => {
    const labels = placeLabels(
      [
        { id: 1, x: 200, y: 150, text: '201 Created binding', short: '201' },
        { id: 2, x: 200, y: 150, text: 'POST pods/nginx-pod/binding', short: 'POST' },
      ],
      [],
      bounds,
      11,
    );
    expect(labels).toHaveLength(2);
    expect(overlaps(labels[0]?.rect as never, labels[1]?.rect as never)).toBe(false);
  });

  it('keeps clear of a name and of the stage edge, shortening or leaving out what has no room', () => {
    const name = { x: 0, y: 0, w: 400, h: 140 };
    const [label] = placeLabels(
      [{ id: 1, x: 390, y: 150, text: 'added pods/nginx-pod', short: 'added' }],
      [name],
      bounds,
      11,
    );
    expect(label?.anchor).toBe('end');
    expect(overlaps(label?.rect as never, name)).toBe(false);
    const none = placeLabels(
      [{ id: 1, x: 200, y: 150, text: 'a message', short: 'a' }],
      [bounds],
      bounds,
      11,
    );
    expect(none).toEqual([]);
  });
});

describe('placeBadges', () => {
  it("moves a step's number off a component's name, and two numbers apart", () => {
    const layout = wideLayout(['w1-k8s', 'w2-k8s', 'w3-k8s']);
    const obstacles = stageObstacles(layout, 15, {}, {});
    const from = layout.components['kubelet@w2-k8s'];
    const to = layout.components['runtime@w2-k8s'];
    if (!from || !to) throw new Error('layout');
    const mid = { x: (from.x + to.x + to.w) / 2, y: from.y + 32 };
    const [a, b] = placeBadges(
      [
        { n: 6, along: [mid], from, to },
        { n: 7, along: [mid], from, to },
      ],
      obstacles,
      { x: 0, y: 0, w: layout.width, h: layout.height },
    );
    const rect = (p: { x: number; y: number }) => ({ x: p.x - 16, y: p.y - 16, w: 32, h: 32 });
    for (const o of obstacles) expect(overlaps(rect(a as never), o)).toBe(false);
    expect(overlaps(rect(a as never), rect(b as never))).toBe(false);
  });
});
