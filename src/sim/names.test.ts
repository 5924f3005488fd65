import { describe, expect, it } from 'vitest';
import { alphanums, podSuffix, podTemplateHash } from './names';
import { Rng } from './rng';

describe('Kubernetes names', () => {
  it('generates 5-character suffixes from the vowel-free alphabet', () => {
    const rng = new Rng(42);
    for (let i = 0; i < 200; i++) expect(podSuffix(rng)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(alphanums).toHaveLength(27);
  });

  it('hashes a pod template to 8–10 alphabet characters, the same each time', () => {
    const t = { labels: { app: 'dpy-nginx' }, containers: [{ name: 'nginx', image: 'nginx' }] };
    const h = podTemplateHash(t);
    expect(h).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{8,10}$/);
    expect(podTemplateHash(t)).toBe(h);
    expect(podTemplateHash({ ...t, containers: [{ name: 'nginx', image: 'nginx:1.19' }] })).not.toBe(h);
  });

  it('gives the same sequence for the same seed', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    expect([a.next(), a.next(), a.next()]).toEqual([b.next(), b.next(), b.next()]);
  });
});
