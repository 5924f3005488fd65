import { describe, expect, it } from 'vitest';
import type { ComponentView, Envelope } from '../sim';
import { waitingMessages } from './waitingMessages';

const env = (id: number, from: string, to: string, sentAt: number, deliverAt = sentAt + 2) =>
  ({ id, from, to, sentAt, deliverAt, kind: 'watch.pods.added', summary: '' }) as Envelope;
const comp = (id: string, state: ComponentView['state']) => ({ id, name: id, state }) as ComponentView;

describe('waitingMessages', () => {
  it('counts the messages a stopped component received after its own last message', () => {
    const envelopes = [
      env(1, 'apiserver', 'kubelet@w2-k8s', 1_000),
      env(2, 'kubelet@w2-k8s', 'apiserver', 10_000),
      env(3, 'apiserver', 'kubelet@w2-k8s', 70_000),
      env(4, 'apiserver', 'scheduler', 70_000),
      env(5, 'apiserver', 'kubelet@w2-k8s', 500_000, 500_500),
    ];
    const components = [comp('kubelet@w2-k8s', 'stopped'), comp('scheduler', 'running')];
    expect([...waitingMessages(envelopes, components, 80_000)]).toEqual([['kubelet@w2-k8s', 1]]);
    // Long after, they are still unread: the pile stays.
    expect([...waitingMessages(envelopes, components, 600_000)]).toEqual([['kubelet@w2-k8s', 2]]);
    expect(waitingMessages(envelopes, [comp('kubelet@w2-k8s', 'running')], 600_000).size).toBe(0);
  });
});
