// Deferred managedFields (issue 14) read as the lists computed at each write would:
// whole chains of writes, one longer than the depth at which a chain is filled at once,
// a list read in the middle of a chain, and an array for every reader.
import { describe, expect, it } from 'vitest';
import type { Lease } from '../objects';
import type { SimMs } from '../units';
import { updateManagedFields, withManagedFields } from './managedFields';

function lease(renewTime: number, holder: string): Lease {
  return {
    kind: 'Lease',
    metadata: {
      name: 'w1-k8s',
      namespace: 'kube-node-lease',
      uid: 'u1',
      resourceVersion: renewTime,
      creationTimestamp: 0 as SimMs,
    },
    spec: { holderIdentity: holder, leaseDurationSeconds: 40, renewTime: renewTime as SimMs },
  } as Lease;
}

/** Each write's list computed at once, as before, and the deferred objects. */
function writes(n: number): { eager: string[]; lazy: Lease[] } {
  const eager: string[] = [];
  const lazy: Lease[] = [];
  let liveEager: Lease | undefined;
  let liveLazy: Lease | undefined;
  for (let i = 0; i < n; i++) {
    // Another manager takes the holder now and then, so entries move between managers.
    const manager = i % 97 === 50 ? 'kubectl' : 'kubelet';
    const next = lease(1000 * (i + 1), i % 97 === 50 ? 'someone' : 'w1-k8s');
    const mf = updateManagedFields(liveEager, next, manager, (1000 * i) as SimMs);
    liveEager = { ...next, metadata: { ...next.metadata, managedFields: mf } };
    eager.push(JSON.stringify(mf));
    liveLazy = withManagedFields(liveLazy, next, manager, (1000 * i) as SimMs);
    lazy.push(liveLazy);
  }
  return { eager, lazy };
}

describe('managedFields computed when first read', () => {
  it('give the lists of every write of a long chain, read last to first', () => {
    const { eager, lazy } = writes(700);
    for (let i = lazy.length - 1; i >= 0; i--)
      expect(JSON.stringify(lazy[i]?.metadata.managedFields)).toBe(eager[i]);
  });

  it('give the same lists when one in the middle is read first', () => {
    const { eager, lazy } = writes(300);
    expect(JSON.stringify(lazy[120]?.metadata.managedFields)).toBe(eager[120]);
    expect(lazy.map((o) => JSON.stringify(o.metadata.managedFields))).toEqual(eager);
  });

  it('are arrays to every reader, and keep their place among the metadata keys', () => {
    const { eager, lazy } = writes(3);
    const mf = lazy[2]?.metadata.managedFields;
    expect(Array.isArray(mf)).toBe(true);
    expect([...(mf ?? [])].map((e) => e.manager)).toEqual(
      JSON.parse(eager[2] ?? '[]').map((e: { manager: string }) => e.manager),
    );
    expect(Object.keys(lazy[2]?.metadata ?? {})).toEqual([
      'name',
      'namespace',
      'uid',
      'resourceVersion',
      'creationTimestamp',
      'managedFields',
    ]);
  });
});
