import { describe, expect, it } from 'vitest';
import type { SimMs } from '../sim';
import type { RecordedInput, World } from './recording';
import { clusterWorld, Recording } from './recording';

const at = (n: number) => n as SimMs;

describe('Recording', () => {
  it('keeps a frame whenever a message moves, so the frame at any time shows the lab as it was then', () => {
    const r = new Recording({ seed: 1 }, clusterWorld, () => {});
    r.simulateTo(at(1000));
    const f1 = r.frameAt(at(500));
    expect(f1.at).toBeLessThanOrEqual(500);
    const moved = r.envelopes().filter((e) => e.sentAt > f1.at && e.sentAt <= 500);
    expect(moved).toEqual([]);
    // Idle: the read models are the same arrays from frame to frame.
    expect(r.frameAt(at(900)).pods).toBe(f1.pods);
  });

  it('applies each input at its time, once', () => {
    const applied: number[] = [];
    const inputs: RecordedInput[] = [
      { at: at(300), host: 'm-k8s', line: 'a' },
      { at: at(100), host: 'm-k8s', line: 'b' },
    ];
    const r = new Recording({ seed: 1 }, clusterWorld, (w: World) => applied.push(w.cluster.now), inputs);
    r.simulateTo(at(200));
    expect(applied).toEqual([100]);
    r.simulateTo(at(1000));
    expect(applied).toEqual([100, 300]);
    expect(r.frameAt(at(200)).at).toBeLessThanOrEqual(200);
  });

  it('forks: an input in the past replays the earlier inputs on a new world and drops the later ones', () => {
    const applied: string[] = [];
    const r = new Recording(
      { seed: 1 },
      clusterWorld,
      (w: World, i) => applied.push(`${'line' in i ? i.line : '?'}@${w.cluster.now}`),
      [
        { at: at(100), host: 'm-k8s', line: 'a' },
        { at: at(600), host: 'm-k8s', line: 'later' },
      ],
    );
    r.simulateTo(at(1000));
    r.input({ at: at(400), host: 'm-k8s', line: 'b' });
    expect(r.generation).toBe(1);
    expect(r.inputs.map((i) => ('line' in i ? i.line : '?'))).toEqual(['a', 'b']);
    expect(applied).toEqual(['a@100', 'later@600', 'a@100', 'b@400']);
    expect(r.simulatedTo).toBe(400);
  });

  it('an input at or after what was simulated just joins the future', () => {
    const r = new Recording({ seed: 1 }, clusterWorld, () => {});
    r.simulateTo(at(200));
    r.input({ at: at(500), host: 'm-k8s', line: 'x' });
    expect(r.generation).toBe(0);
    expect(r.simulatedTo).toBe(500);
  });
});
