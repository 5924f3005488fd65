// Model-based test (issue 8): every fault of the catalog injected at every step of the
// pod-create tour, then healed, with the cluster's invariants checked after each event.
// @xstate/graph finds the paths through a small model; each path drives the real
// LessonPlayer over the simulated lab.
import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { podCreate } from '../lessons';
import { sessionDriver } from '../lessons/sessionDriver';
import { LessonPlayer } from '../player';
import type { FaultRef } from '../sim';
import { faultCatalog } from '../sim';
import type { TourFaultEvent } from './tourFaultModel';
import { LAST_STEP, tourFaultModel } from './tourFaultModel';

const events: TourFaultEvent[] = [{ type: 'tour.next' }, { type: 'fault.inject' }, { type: 'fault.heal' }];
const paths = getShortestPaths(tourFaultModel, {
  events,
  toState: (s) => s.context.healed && s.context.step === LAST_STEP,
});

const known = new Set(['apiserver', 'etcd', 'scheduler', 'controller-manager', 'cni', 'coredns']);
function knownComponent(id: string): boolean {
  const at = id.indexOf('@');
  return at >= 0 ? /^(kubectl|kubelet|runtime|pods|host|kube-proxy)$/.test(id.slice(0, at)) : known.has(id);
}

describe('model-based: a fault at every step of pod-create', () => {
  it('the model has one path per step a fault can be injected at', () => {
    expect(paths.map((p) => p.state.context.injectedAt).sort((a, b) => a - b)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8,
    ]);
  });

  for (const spec of faultCatalog) {
    it(`${spec.id}: injected at each step and healed, the lab keeps its invariants`, () => {
      const fault: FaultRef = spec.scope === 'node' ? { id: spec.id, target: 'w2-k8s' } : { id: spec.id };
      for (const path of paths) {
        const lp = new LessonPlayer(podCreate, 1, sessionDriver);
        let revision = 0;
        for (const { event } of path.steps) {
          if (event.type === 'tour.next') lp.nextStep();
          else lp.act({ fault, heal: event.type === 'fault.heal' });
          // Let the consequences unfold for a while in cluster time.
          lp.player.seek(lp.player.now + (event.type === 'tour.next' ? 2_000 : 45_000));
          const frame = lp.player.frame();
          // etcd's revision at the moment on screen only grows as the moment moves on (the
          // recording itself may be simulated ahead of it, or forked back to it).
          expect(frame.etcdRevision).toBeGreaterThanOrEqual(revision);
          revision = frame.etcdRevision;
          expect(frame.components.length).toBeGreaterThan(10);
          const narration =
            podCreate.steps.find((s) => s.n === lp.step)?.narration ?? podCreate.intro.narration;
          expect(narration.ko.length * narration.en.length).toBeGreaterThan(0);
          for (const e of lp.recording.envelopes().slice(-300)) {
            expect(knownComponent(e.from), e.from).toBe(true);
            expect(knownComponent(e.to), e.to).toBe(true);
          }
          // A pod shows Running only if its own node's kubelet reported it so.
          for (const p of frame.pods) {
            if (p.namespace !== 'default' || p.status !== 'Running') continue;
            const reported = lp.recording
              .envelopes()
              .some(
                (e) =>
                  e.from === `kubelet@${p.node}` &&
                  e.kind === 'api.updateStatus.pods' &&
                  e.subject === `pods/${p.name}`,
              );
            expect(reported, `${p.name} on ${p.node}`).toBe(true);
          }
        }
        expect(lp.recording.cluster.faults().filter((f) => f.id === spec.id)).toEqual([]);
      }
      // Nine paths, each simulating 420 s ahead of every fault so the story can tell what comes next.
    }, 60_000);
  }
});
