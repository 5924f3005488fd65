import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EtcdStore } from './etcdStore';

describe('EtcdStore', () => {
  it('counts one global revision and keeps create and mod revisions per key', () => {
    const s = new EtcdStore<string>();
    const a = s.put('/registry/pods/default/a', 'v1');
    const b = s.put('/registry/pods/default/b', 'v1');
    const a2 = s.put('/registry/pods/default/a', 'v2');
    expect([a?.modRevision, b?.modRevision, a2?.modRevision]).toEqual([2, 3, 4]);
    expect(a2?.createRevision).toBe(2);
    expect(a2?.version).toBe(2);
    expect(s.range('/registry/pods/').map((kv) => kv.key)).toEqual([
      '/registry/pods/default/a',
      '/registry/pods/default/b',
    ]);
  });

  it('refuses a create over an existing key', () => {
    const s = new EtcdStore<string>();
    s.put('/k', 'x', 0);
    expect(s.put('/k', 'y', 0)).toBeUndefined();
    expect(s.get('/k')?.value).toBe('x');
  });

  it('tells watchers of a prefix about puts and deletes', () => {
    const s = new EtcdStore<string>();
    const events: string[] = [];
    s.watch('/registry/pods/', (e) => events.push(e.type === 'put' ? `put ${e.kv.key}` : `delete ${e.key}`));
    s.put('/registry/pods/default/a', 'x');
    s.put('/registry/minions/w1', 'n');
    s.delete('/registry/pods/default/a');
    expect(events).toEqual(['put /registry/pods/default/a', 'delete /registry/pods/default/a']);
  });

  it('restores a snapshot with a revision that still grows', () => {
    const s = new EtcdStore<string>();
    s.put('/a', '1');
    const snap = s.snapshot();
    s.put('/b', '2');
    s.delete('/a');
    const before = s.revision;
    s.restore(snap);
    expect(s.get('/a')?.value).toBe('1');
    expect(s.get('/b')).toBeUndefined();
    expect(s.revision).toBeGreaterThan(before);
  });
});

describe('EtcdStore ranges', () => {
  it('read exactly the keys under a prefix, in order, whatever came and went before', () => {
    const key = fc.constantFrom(
      '/registry/pods/default/',
      '/registry/pods/kube-system/',
      '/registry/minions/',
    );
    const op = fc.record({ del: fc.boolean(), prefix: key, name: fc.stringMatching(/^[a-c]{0,3}$/) });
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 80 }),
        fc.constantFrom(
          '',
          '/registry/',
          '/registry/pods/',
          '/registry/pods/default/',
          '/registry/minions/',
          '/zzz',
        ),
        (ops, prefix) => {
          const store = new EtcdStore<number>();
          const model = new Map<string, number>();
          ops.forEach((o, i) => {
            const k = `${o.prefix}${o.name}`;
            if (o.del) {
              store.delete(k);
              model.delete(k);
            } else {
              store.put(k, i);
              model.set(k, i);
            }
            // Reads between writes, so the kept order is what is checked.
            if (i % 7 === 0) store.range('/registry/');
          });
          const expected = [...model.keys()].filter((k) => k.startsWith(prefix)).sort();
          expect(store.range(prefix).map((kv) => kv.key)).toEqual(expected);
          expect(store.range(prefix).map((kv) => kv.value)).toEqual(expected.map((k) => model.get(k)));
          expect(store.keys().map((kv) => kv.key)).toEqual([...model.keys()].sort());
        },
      ),
    );
  });
});
