// A command that changes nothing in the cluster leaves the rest of the lesson as it was:
// typed at any step of the tour, the trace is the same apart from its own requests, and
// every later step is still there (issue 11).
import { describe, expect, it } from 'vitest';
import { podCreate } from '../lessons';
import { sessionDriver } from '../lessons/sessionDriver';
import type { Envelope } from '../sim';
import { LessonPlayer } from './lessonPlayer';

const READ_ONLY: readonly [host: string, line: string][] = [
  ['m-k8s', 'kubectl get pods'],
  ['m-k8s', 'kubectl get pods -o wide'],
  ['m-k8s', 'kubectl get nodes'],
  ['m-k8s', 'kubectl describe pod nginx-pod'],
  ['m-k8s', 'kubectl get events'],
  ['m-k8s', 'cat ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml'],
  ['m-k8s', 'ping -c 1 192.168.1.102'],
  ['m-k8s', 'systemctl status kubelet'],
  ['w2-k8s', 'docker ps'],
  ['w2-k8s', 'ls'],
];

/** What the command sent from its host after `at`, and everything those messages caused in turn. */
function ownRequests(envelopes: readonly Envelope[], host: string, at: number): Set<number> {
  const own = new Set<number>();
  for (const e of envelopes) {
    const root =
      (e.from === `kubectl@${host}` || e.from === `host@${host}`) &&
      e.sentAt >= at &&
      e.kind !== 'api.create.pods';
    if (root || (e.cause !== undefined && own.has(e.cause))) own.add(e.id);
  }
  return own;
}

const shape = (e: Envelope) => `${e.sentAt} ${e.deliverAt} ${e.from}>${e.to} ${e.kind} ${e.summary}`;
const others = (envelopes: readonly Envelope[], end: number, own: Set<number>) =>
  envelopes.filter((e) => e.sentAt <= end && !own.has(e.id)).map(shape);

describe('a read-only command typed mid-tour', () => {
  const base = new LessonPlayer(podCreate, 1, sessionDriver);
  const end = base.player.getSnapshot().end;
  const baseline = others(base.recording.envelopes(), end, new Set());
  const baseAnchors = base.tour.getSnapshot().context.anchors;

  for (let step = 1; step <= podCreate.steps.length; step++) {
    it(`at step ${step}: the steps after it stay, the trace is the same but for its own requests`, () => {
      for (const [host, line] of READ_ONLY) {
        const lp = new LessonPlayer(podCreate, 1, sessionDriver);
        lp.goToStep(step);
        const at = lp.act({ host, line, tab: host });
        expect(lp.step, line).toBe(step);
        expect(lp.tour.getSnapshot().context.anchors, line).toEqual(baseAnchors);
        expect(lp.replacedInputs).toBe(0);
        const envelopes = lp.recording.envelopes();
        const own = ownRequests(envelopes, host, at);
        expect(others(envelopes, end, own), `${line} at step ${step}`).toEqual(baseline);
        lp.nextStep();
        expect(lp.step, `PageDown after ${line}`).toBe(Math.min(step + 1, podCreate.steps.length));
      }
      // Ten rewinds, each simulating the lesson again.
    }, 30_000);
  }
});
