import { describe, expect, it } from 'vitest';
import type { ComponentView, Envelope } from '../sim';
import { waitingMessages } from './waitingMessages';

const env = (id: number, to: string, sentAt: number, deliverAt = sentAt + 2) =>
  ({ id, from: 'apiserver', to, sentAt, deliverAt, kind: 'watch.pods.added', summary: '' }) as Envelope;
const comp = (id: string, state: ComponentView['state']) => ({ id, name: id, state }) as ComponentView;

describe('waitingMessages', () => {
  it('counts only messages that reached a stopped component in the last minute', () => {
    const envelopes = [
      env(1, 'kubelet@w2-k8s', 1_000),
      env(2, 'kubelet@w2-k8s', 70_000),
      env(3, 'scheduler', 70_000),
      env(4, 'kubelet@w2-k8s', 79_999, 80_500),
    ];
    const components = [comp('kubelet@w2-k8s', 'stopped'), comp('scheduler', 'running')];
    expect([...waitingMessages(envelopes, components, 80_000)]).toEqual([['kubelet@w2-k8s', 1]]);
    expect([...waitingMessages(envelopes, components, 81_000)]).toEqual([['kubelet@w2-k8s', 2]]);
    expect(waitingMessages(envelopes, [comp('kubelet@w2-k8s', 'running')], 81_000).size).toBe(0);
  });
});
