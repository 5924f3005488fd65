import { describe, expect, it } from 'vitest';
import { withMaster } from './inLab';
import { podCreate } from './podCreate';

describe('the tour in a lab whose master is not m-k8s', () => {
  it('names cp-k8s in its words and lines, and keeps its id', () => {
    const tour = withMaster(podCreate, 'cp-k8s');
    expect(tour.id).toBe(podCreate.id);
    expect(tour.intro.narration.en).toContain('master cp-k8s and workers w1-k8s, w2-k8s and w3-k8s');
    expect(tour.intro.narration.en).not.toContain('m-k8s');
    expect(tour.inputs.map((i) => i.host)).toEqual(podCreate.inputs.map(() => 'cp-k8s'));
    expect(JSON.stringify(tour)).not.toMatch(/\bm-k8s\b/);
  });

  it('is the same object in the book’s lab', () => {
    expect(withMaster(podCreate, 'm-k8s')).toBe(podCreate);
  });
});
