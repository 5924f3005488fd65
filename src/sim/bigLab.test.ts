// Issue 14: the lab goes up to 200 workers, each with an address of its own, and they
// all come up Ready like the book's three.
import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';
import type { SimMs } from './units';

describe('a lab of 200 workers', () => {
  it('caps the workers at 200, gives each its own address and has every node Ready', {
    timeout: 60_000,
  }, () => {
    const c = createCluster({ seed: 1, workers: 250 });
    expect(c.options.workers).toBe(200);
    const workers = c.hosts().filter((h) => h.role === 'worker');
    expect(workers.map((h) => h.name).slice(-2)).toEqual(['w199-k8s', 'w200-k8s']);
    expect(new Set(workers.map((h) => h.ip)).size).toBe(200);
    expect(workers.find((h) => h.name === 'w154-k8s')?.ip).toBe('192.168.1.254');
    expect(workers.find((h) => h.name === 'w200-k8s')?.ip).toBe('192.168.2.46');
    c.advanceTo(20_000 as SimMs);
    const ready = c
      .nodes()
      .filter((n) => n.status.conditions.some((x) => x.type === 'Ready' && x.status === 'True'));
    expect(ready.length).toBe(201);
  });
});
