import { describe, expect, it } from 'vitest';
import { candidates, podSearch } from './podResolver';

describe('a pod’s resolver (ndots:5)', () => {
  const search = podSearch('default');
  it('tries the search domains first for a name with fewer than five dots', () => {
    expect(candidates('web', search)).toEqual([
      'web.default.svc.cluster.local',
      'web.svc.cluster.local',
      'web.cluster.local',
      'web',
    ]);
    expect(candidates('kubernetes.default', search)[1]).toBe('kubernetes.default.svc.cluster.local');
  });
  it('asks a name with a final dot as it is, and one with five dots first as it is', () => {
    expect(candidates('web.default.svc.cluster.local.', search)).toEqual(['web.default.svc.cluster.local']);
    expect(candidates('a.b.c.d.e.f', search)[0]).toBe('a.b.c.d.e.f');
  });
});
