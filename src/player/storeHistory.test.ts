import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EtcdEntry, KubeObject } from '../sim';
import { CHECKPOINT_EVERY, StoreHistory } from './storeHistory';

// A run of etcd changes: each step puts or deletes one of a few keys.
const steps = fc.array(fc.record({ key: fc.integer({ min: 0, max: 40 }), del: fc.boolean() }), {
  minLength: 1,
  maxLength: 4 * CHECKPOINT_EVERY,
});

function play(changes: readonly { key: number; del: boolean }[]) {
  const data = new Map<string, EtcdEntry>();
  const history = new StoreHistory();
  const copies: EtcdEntry[][] = [];
  changes.forEach((c, i) => {
    const key = `/registry/pods/default/p${c.key}`;
    const revision = i + 2;
    if (c.del) data.delete(key);
    else {
      const value = { kind: 'Pod', metadata: { name: `p${c.key}` } } as unknown as KubeObject;
      data.set(key, {
        key,
        value,
        createRevision: data.get(key)?.createRevision ?? revision,
        modRevision: revision,
      });
    }
    const sorted = [...data.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
    copies.push(sorted);
    history.add(revision, () => sorted);
  });
  return { history, copies };
}

describe('StoreHistory', () => {
  it('gives back etcd as it was at every recorded revision, in any order of asking', () => {
    fc.assert(
      fc.property(steps, fc.array(fc.nat(), { maxLength: 60 }), (changes, asks) => {
        const { history, copies } = play(changes);
        for (const a of asks) {
          const i = a % copies.length;
          expect(history.at(i).entries).toEqual(copies[i]);
          expect(history.at(i).objects).toEqual(copies[i]?.map((e) => e.value));
        }
        for (const [i, copy] of copies.entries()) expect(history.at(i).entries).toEqual(copy);
      }),
    );
  });

  it('keeps a fork’s past: the revisions up to an index, and records on from there', () => {
    fc.assert(
      fc.property(steps, fc.nat(), (changes, cut) => {
        const { history, copies } = play(changes);
        const index = cut % copies.length;
        const kept = history.upTo(index);
        expect(kept.length).toBe(index + 1);
        for (let i = 0; i <= index; i++) expect(kept.at(i).entries).toEqual(copies[i]);
        // A new revision after the fork is told apart from the kept one before it.
        const next: EtcdEntry[] = [];
        kept.add(10_000, () => next);
        expect(kept.at(index + 1).entries).toEqual([]);
        expect(kept.at(index).entries).toEqual(copies[index]);
      }),
    );
  });

  it('records a revision once, and hands back the same arrays while it stays at hand', () => {
    const { history } = play([{ key: 1, del: false }]);
    expect(history.add(2, () => [])).toBe(0);
    expect(history.length).toBe(1);
    expect(history.at(0).objects).toBe(history.at(0).objects);
  });
});
