import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';
import { faultCatalog, formatFaultList, parseFaultList } from './faults';
import { advance, createPod } from './testing/fixtures';

describe('the fault catalog', () => {
  for (const spec of faultCatalog) {
    it(`${spec.id}: injected while nginx-pod starts, it is in force; healed, the lab settles again`, () => {
      const c = createCluster();
      const target = spec.scope === 'node' ? 'w2-k8s' : undefined;
      createPod(c);
      advance(c, 3);
      let revision = c.etcdRevision();
      expect(c.dispatch(spec.inject(target))).toBe(true);
      expect(c.faults()).toContainEqual(target ? { id: spec.id, target } : { id: spec.id });
      for (let i = 0; i < 10; i++) {
        advance(c, 30);
        expect(c.etcdRevision()).toBeGreaterThanOrEqual(revision);
        revision = c.etcdRevision();
      }
      expect(c.dispatch(spec.heal(target))).toBe(true);
      advance(c, 120);
      expect(c.faults()).toEqual([]);
      const known = new Set([
        ...c.components().map((x) => x.id),
        'kubelet@m-k8s',
        'runtime@m-k8s',
        'kube-proxy@m-k8s',
        'host@m-k8s',
        'pods@m-k8s',
      ]);
      for (const e of c.trace.all()) {
        expect(known.has(e.from) || e.from.startsWith('host@') || e.from.startsWith('kubectl@'), e.from).toBe(
          true,
        );
        expect(
          known.has(e.to) ||
            e.to.startsWith('kubectl@') ||
            e.to.startsWith('pods@') ||
            e.to.startsWith('host@'),
          e.to,
        ).toBe(true);
      }
    });
  }

  it('parses the URL form and says what it cannot parse', () => {
    const hosts = createCluster().hosts();
    const { faults, errors } = parseFaultList('kubelet@w2-k8s, apiserver,nope,kubelet,docker@w9-k8s', hosts);
    expect(faults).toEqual([{ id: 'kubelet', target: 'w2-k8s' }, { id: 'apiserver' }]);
    expect(errors).toEqual([
      'unknown fault "nope"',
      '"kubelet" needs a node, e.g. kubelet@w2-k8s',
      'unknown node "w9-k8s"',
    ]);
    expect(formatFaultList(faults)).toBe('kubelet@w2-k8s,apiserver');
  });
});
