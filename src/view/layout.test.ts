import { describe, expect, it } from 'vitest';
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
