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

describe('a fork from a rung of the ladder built in the background', () => {
  // A rung every 300 messages here (8,000 in the page), so two minutes hold several.
  const withLadder = (inputs: readonly RecordedInput[], until: number) => {
    const r = new Recording<Session>({ seed: 3 }, (o) => new Session(o), runner, inputs, 300);
    r.simulateTo(at(until));
    let calls = 0;
    let budget = 0;
    while (
      !r.buildLadder(() => {
        budget--;
        return budget < 0;
      })
    ) {
      budget = 5;
      calls++;
    }
    return { r, calls };
  };

  it('stands at the send time of every 300th message, built a slice at a time', () => {
    const { r, calls } = withLadder(script, 120_000);
    const every300 = r
      .envelopes()
      .filter((e) => e.id % 300 === 0)
      .map((e) => e.sentAt);
    expect(calls).toBeGreaterThan(1);
    expect(r.ladderMoments).toEqual(every300.slice(0, 12));
    expect(every300.length).toBeGreaterThan(2);
  });

  for (const t of [20_000, 52_345, 100_000]) {
    it(`(input at ${t} ms) shows what a recording from scratch shows, and keeps the rungs before it`, () => {
      const { r } = withLadder(script, 120_000);
      const below = r.ladderMoments.filter((m) => m <= t);
      expect(below.length).toBeGreaterThan(0);
      const input: RecordedInput = { at: at(t), host: 'm-k8s', line: 'kubectl delete deployment web' };
      r.input(input);
      // The highest rung at or before the moment was walked on to it; the rest before it stand.
      expect(r.ladderMoments).toEqual(below.slice(0, -1));
      r.simulateTo(at(120_000));
      const fresh = record([...script.filter((i) => i.at <= t), input], 120_000);
      expect(r.traceMismatches).toBe(0);
      expect(seen(r)).toEqual(seen(fresh));
      for (const host of ['m-k8s', 'w1-k8s'] as const)
        expect(r.world.jobOf(host)?.output).toEqual(fresh.world.jobOf(host)?.output);
    });
  }

  it('is rebuilt after a fork, and a second fork from the new rungs is right too', () => {
    const { r } = withLadder(script, 120_000);
    const first: RecordedInput = {
      at: at(40_000),
      host: 'm-k8s',
      line: 'kubectl scale deployment web --replicas=2',
    };
    r.input(first);
    r.simulateTo(at(120_000));
    while (!r.buildLadder(() => false)) {}
    expect(r.ladderMoments.some((m) => m > 40_000)).toBe(true);
    const second: RecordedInput = { at: at(90_000), host: 'w1-k8s', line: 'kubectl get pods' };
    r.input(second);
    r.simulateTo(at(120_000));
    const fresh = record([...script.filter((i) => i.at <= 40_000), first, second], 120_000);
    expect(r.traceMismatches).toBe(0);
    expect(seen(r)).toEqual(seen(fresh));
  });

  it('gives the spare world its start: readying a moment late in the recording walks from the top rung', () => {
    const { r } = withLadder(script, 120_000);
    const top = r.ladderMoments[r.ladderMoments.length - 1] as SimMs;
    const steps = (rec: Recording<Session>) => {
      let n = 0;
      while (!rec.prepareFork(at(top + 50), () => n++ % 2 === 1)) {}
      return n;
    };
    const fromRung = steps(r);
    expect(r.spareAt).toBe(top + 50);
    expect(r.ladderMoments).not.toContain(top);
    const fromZero = steps(record(script, 120_000));
    expect(fromRung * 10).toBeLessThan(fromZero);
  });
});
