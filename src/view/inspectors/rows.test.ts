import { describe, expect, it } from 'vitest';
import type { KubeEvent } from '../../sim';
import { ms, seconds } from '../../sim';
import { componentMessages, eventRows, recentKeys, simSeconds } from './rows';

function event(name: string, at: number, extra: Partial<KubeEvent> = {}): KubeEvent {
  return {
    kind: 'Event',
    metadata: { name, namespace: 'default', uid: name, resourceVersion: 1, creationTimestamp: seconds(at) },
    involvedObject: { kind: 'Pod', name: 'nginx-pod', namespace: 'default' },
    type: 'Normal',
    reason: 'Pulling',
    message: 'Pulling image "nginx"',
    source: { component: 'kubelet', host: 'w2-k8s' },
    firstTimestamp: seconds(at),
    lastTimestamp: seconds(at),
    count: 1,
    ...extra,
  };
}

describe('eventRows', () => {
  it('folds repeats as kubectl 1.18 prints them', () => {
    const e = event('a', 10, { type: 'Warning', reason: 'Failed', count: 4, lastTimestamp: seconds(50) });
    const { rows } = eventRows([e], 60_000, { allNamespaces: false, cap: 50 });
    expect(rows[0]?.lastSeen).toBe('10s (x4 over 50s)');
  });

  it('puts the newest last and keeps only the newest `cap`', () => {
    const evs = [
      event('c', 30),
      event('a', 10),
      event('b', 20),
      { ...event('k', 5), metadata: { ...event('k', 5).metadata, namespace: 'kube-system' } },
    ];
    const one = eventRows(evs, 40_000, { allNamespaces: false, cap: 2 });
    expect(one.rows.map((r) => r.key)).toEqual(['default/b', 'default/c']);
    expect(one.hidden).toBe(1);
    const all = eventRows(evs, 40_000, { allNamespaces: true, cap: 50 });
    expect(all.rows.map((r) => r.key)).toEqual(['kube-system/k', 'default/a', 'default/b', 'default/c']);
  });
});

describe('componentMessages', () => {
  const env = (id: number, from: string, to: string, sentAt: number) => ({
    id,
    from,
    to,
    sentAt: ms(sentAt),
    deliverAt: ms(sentAt + 2),
    kind: 'k',
    summary: `m${id}`,
  });
  const trace = [
    env(1, 'a', 'b', 0),
    env(2, 'b', 'a', 1),
    env(3, 'c', 'd', 2),
    env(4, 'a', 'c', 3),
    env(5, 'a', 'b', 9),
  ];

  it('lists what a component sent and received by now, oldest first, marking what is in flight', () => {
    const rows = componentMessages(trace, 'a', 4, 10);
    expect(rows.map((r) => `${r.id} ${r.direction} ${r.peer} ${r.inFlight}`)).toEqual([
      '1 sent b false',
      '2 received b false',
      '4 sent c true',
    ]);
    expect(componentMessages(trace, 'a', 100, 2).map((r) => r.id)).toEqual([4, 5]);
  });
});

describe('recentKeys and simSeconds', () => {
  it('marks the keys changed last', () => {
    const keys = [
      { key: '/a', createRevision: 1, modRevision: 7 },
      { key: '/b', createRevision: 2, modRevision: 3 },
      { key: '/c', createRevision: 4, modRevision: 9 },
    ];
    expect([...recentKeys(keys, 2)].sort()).toEqual(['/a', '/c']);
    expect(simSeconds(8)).toBe('0.008 s');
  });
});
