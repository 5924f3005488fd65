import { describe, expect, it } from 'vitest';
import type { Box } from './layout';
import { boxOf, fitToAspect, flightPath, narrowLayout, wideLayout } from './layout';

const workers = ['w1-k8s', 'w2-k8s', 'w3-k8s'];

describe('layouts', () => {
  for (const [name, layout] of [
    ['wide', wideLayout(workers)],
    ['narrow', narrowLayout(workers)],
    ['wide, stretched for a projector', fitToAspect(wideLayout(workers), 1.2)],
  ] as const) {
    it(`${name}: every box lies inside the stage and inside its node`, () => {
      for (const [id, b] of Object.entries(layout.components)) {
        expect(b.x, id).toBeGreaterThanOrEqual(0);
        expect(b.x + b.w, id).toBeLessThanOrEqual(layout.width);
        expect(b.y + b.h, id).toBeLessThanOrEqual(layout.height);
        const host = id.split('@')[1];
        const node = layout.nodes.find((n) => n.host === host)?.box;
        if (node) {
          expect(b.x, id).toBeGreaterThanOrEqual(node.x);
          expect(b.y + b.h, id).toBeLessThanOrEqual(node.y + node.h);
        }
      }
    });
  }

  it.each([
    ['kubelet@m-k8s', 'agent@m-k8s'],
    ['runtime@m-k8s', 'agent@m-k8s'],
    ['host@m-k8s', 'kubectl@m-k8s'],
    ['kubelet@w2-k8s', 'kubelet@w2-k8s'],
  ])('draws %s at %s', (id, at) => {
    const layout = wideLayout(workers);
    expect(boxOf(layout, id)).toBe(layout.components[at]);
  });

  it('puts a host it does not know nowhere', () => {
    expect(boxOf(wideLayout(workers), 'nothing')).toBeUndefined();
  });
});

describe('fitToAspect', () => {
  const wide = wideLayout(workers);
  it('makes the stage as tall as the box it fills, the workers growing downwards', () => {
    const fit = fitToAspect(wide, 1.25);
    expect(fit.width / fit.height).toBeCloseTo(1.25, 2);
    expect(fit.components['pods@w2-k8s']?.h).toBeGreaterThan(wide.components['pods@w2-k8s']?.h ?? 0);
    expect(fit.components.apiserver).toEqual(wide.components.apiserver);
    expect(fit.components['kubelet@w1-k8s']).toEqual(wide.components['kubelet@w1-k8s']);
  });

  it('leaves a stage alone in a box as wide as it or wider, and stretches at most by 60 %', () => {
    expect(fitToAspect(wide, 2)).toBe(wide);
    expect(fitToAspect(wide, 0)).toBe(wide);
    expect(fitToAspect(wide, 0.3).height).toBeCloseTo(wide.height * 1.6, 0);
  });
});

describe('flightPath', () => {
  const a = { x: 0, y: 0, w: 20, h: 20 };
  const b = { x: 200, y: 0, w: 20, h: 20 };
  it('starts at one centre and ends at the other', () => {
    const p = flightPath(a, b);
    expect(p.at(0)).toEqual({ x: 10, y: 10 });
    expect(p.at(1)).toEqual({ x: 210, y: 10 });
  });

  it('bends a reply to the other side', () => {
    expect(flightPath(a, b).at(0.5).y).toBeLessThan(10);
    expect(flightPath(b, a).at(0.5).y).toBeGreaterThan(10);
  });
});

describe('many workers (gridLayout)', () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `w${i + 1}-k8s`);

  for (const n of [5, 12, 13, 50, 200]) {
    it(`${n} workers: rows of four at the size of the four-worker stage, no box outside its node, none overlapping`, () => {
      const layout = wideLayout(names(n));
      expect(layout.width).toBe(wideLayout(names(4)).width);
      expect(layout.nodes).toHaveLength(n + 1);
      expect(layout.tall ?? false).toBe(n > 12);
      for (const host of names(n)) {
        const node = layout.nodes.find((x) => x.host === host)?.box;
        if (!node) throw new Error(`no node box for ${host}`);
        expect(node.x + node.w).toBeLessThanOrEqual(layout.width);
        expect(node.y + node.h).toBeLessThanOrEqual(layout.height);
        const boxes = ['kubelet', 'runtime', 'pods', 'kube-proxy'].map(
          (role) => layout.components[`${role}@${host}`],
        );
        for (const b of boxes) {
          if (!b) throw new Error(`a component of ${host} has no box`);
          // Tall enough for a component's title and state lines (ComponentBox writes them at +25 and +44).
          expect(b.h).toBeGreaterThanOrEqual(46);
          expect(b.x).toBeGreaterThanOrEqual(node.x);
          expect(b.x + b.w).toBeLessThanOrEqual(node.x + node.w);
          expect(b.y).toBeGreaterThanOrEqual(node.y + 30);
          expect(b.y + b.h).toBeLessThanOrEqual(node.y + node.h);
        }
      }
      const cells = layout.nodes.slice(1).map((x) => x.box);
      for (let i = 1; i < cells.length; i++) {
        const a = cells[i - 1] as Box;
        const b = cells[i] as Box;
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart, `w${i} and w${i + 1}`).toBe(true);
      }
    });
  }
});
