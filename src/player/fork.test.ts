// A fork keeps the frames before its moment and re-simulates from there without
// recording them again: what it shows must be exactly what a recording made from
// scratch with the same inputs shows, frame for frame and message for message.
import { describe, expect, it } from 'vitest';
import { Session } from '../shell';
import type { SimMs } from '../sim';
import type { RecordedInput } from './recording';
import { applyFault, Recording } from './recording';

const at = (n: number) => n as SimMs;

const runner = (s: Session, input: RecordedInput) => {
  if (applyFault(s, input)) return;
  if ('line' in input) s.run(input.host, input.line);
  else if ('interrupt' in input) s.interrupt(input.host);
};

const script: RecordedInput[] = [
  { at: at(1_000), host: 'm-k8s', line: 'kubectl create deployment web --image=nginx' },
  { at: at(4_000), host: 'm-k8s', line: 'kubectl scale deployment web --replicas=6' },
  { at: at(30_000), fault: { id: 'kubelet', target: 'w2-k8s' }, heal: false },
  { at: at(45_000), host: 'm-k8s', line: 'kubectl get pods -o wide' },
  { at: at(70_000), host: 'w1-k8s', line: 'kubectl get nodes' },
];

const record = (inputs: readonly RecordedInput[], until: number) => {
  const r = new Recording<Session>({ seed: 3 }, (o) => new Session(o), runner, inputs);
  r.simulateTo(at(until));
  return r;
};

// What the view draws of each frame, and the whole trace.
const seen = (r: Recording<Session>) => ({
  frames: r
    .frames()
    .map((f) => JSON.stringify([f.at, f.components, f.pods, f.etcdRevision, f.faults, f.hosts])),
  objects: JSON.stringify(r.frameAt(r.simulatedTo).objects),
  trace: JSON.stringify(r.envelopes()),
});

describe('a fork in the past', () => {
  for (const t of [1_000, 20_000, 30_000, 52_345]) {
    it(`at ${t} ms shows what a recording from scratch with the same inputs shows`, () => {
      const forked = record(script, 120_000);
      const input: RecordedInput = { at: at(t), host: 'm-k8s', line: 'kubectl delete deployment web' };
      forked.input(input);
      forked.simulateTo(at(120_000));
      const kept = script.filter((i) => i.at <= t);
      const fresh = record([...kept, input], 120_000);
      expect(forked.generation).toBe(1);
      expect(seen(forked)).toEqual(seen(fresh));
      for (const host of ['m-k8s', 'w1-k8s'] as const)
        expect(forked.world.jobOf(host)?.output).toEqual(fresh.world.jobOf(host)?.output);
    });
  }
});

describe('a fork from the spare world made ready in the background', () => {
  for (const [ready, t] of [
    [20_000, 20_000],
    [30_000, 52_345],
    [45_000, 45_000],
    [10_000, 70_000],
  ] as const) {
    it(`(ready at ${ready} ms, input at ${t} ms) shows what a recording from scratch shows`, () => {
      const forked = record(script, 120_000);
      // Sliced as the page slices it: a few steps per call.
      let calls = 0;
      let budget = 0;
      while (!forked.prepareFork(at(ready), () => budget-- <= 0)) {
        budget = 3;
        calls++;
      }
      expect(calls).toBeGreaterThan(1);
      expect(forked.spareAt).toBe(ready);
      const input: RecordedInput = { at: at(t), host: 'm-k8s', line: 'kubectl delete deployment web' };
      forked.input(input);
      expect(forked.spareAt).toBeUndefined();
      forked.simulateTo(at(120_000));
      const fresh = record([...script.filter((i) => i.at <= t), input], 120_000);
      expect(seen(forked)).toEqual(seen(fresh));
      for (const host of ['m-k8s', 'w1-k8s'] as const)
        expect(forked.world.jobOf(host)?.output).toEqual(fresh.world.jobOf(host)?.output);
    });
  }

  it('is not used for a moment before it, nor after the future was forked', () => {
    const r = record(script, 120_000);
    r.prepareFork(at(50_000), () => false);
    expect(r.spareAt).toBe(50_000);
    r.input({ at: at(40_000), host: 'm-k8s', line: 'kubectl get pods' });
    expect(r.spareAt).toBeUndefined();
    r.simulateTo(at(120_000));
    r.prepareFork(at(60_000), () => false);
    r.input({ at: at(59_000), host: 'm-k8s', line: 'kubectl get nodes' });
    r.simulateTo(at(120_000));
    const fresh = record(
      [
        ...script.filter((i) => i.at <= 40_000),
        { at: at(40_000), host: 'm-k8s', line: 'kubectl get pods' },
        { at: at(59_000), host: 'm-k8s', line: 'kubectl get nodes' },
      ],
      120_000,
    );
    expect(seen(r)).toEqual(seen(fresh));
  });
});
