import { describe, expect, it } from 'vitest';
import { boxOf, flightPath, narrowLayout, wideLayout } from './layout';

const workers = ['w1-k8s', 'w2-k8s', 'w3-k8s'];

describe('layouts', () => {
  for (const [name, layout] of [
    ['wide', wideLayout(workers)],
    ['narrow', narrowLayout(workers)],
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
