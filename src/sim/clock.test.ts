import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock';

describe('VirtualClock', () => {
  it('fires each timer at its own due time, in order, and stands at the target', () => {
    const clock = new VirtualClock();
    const seen: string[] = [];
    clock.schedule(() => seen.push(`b@${clock.now()}`), 20);
    clock.schedule(() => {
      seen.push(`a@${clock.now()}`);
      // A timer set while firing starts from the firing time, not the target.
      clock.schedule(() => seen.push(`c@${clock.now()}`), 5);
    }, 10);
    clock.advanceTo(100);
    expect(seen).toEqual(['a@10', 'c@15', 'b@20']);
    expect(clock.now()).toBe(100);
  });

  it('keeps insertion order for timers due at the same time and skips cancelled ones', () => {
    const clock = new VirtualClock();
    const seen: number[] = [];
    const ids = [1, 2, 3].map((n) => clock.schedule(() => seen.push(n), 50));
    clock.unschedule(ids[1] as number);
    clock.advanceTo(50);
    expect(seen).toEqual([1, 3]);
  });

  it('refuses to go back in time', () => {
    const clock = new VirtualClock();
    clock.advanceTo(10);
    expect(() => clock.advanceTo(5)).toThrow(/cannot go back/);
  });
});

describe("VirtualClock as XState's Clock", () => {
  it('runs and cancels the delays XState asks for through setTimeout and clearTimeout', () => {
    const clock = new VirtualClock();
    const seen: number[] = [];
    clock.setTimeout(() => seen.push(clock.now()), 30);
    const id = clock.setTimeout(() => seen.push(-1), 10);
    clock.clearTimeout(id);
    clock.advanceTo(100);
    expect(seen).toEqual([30]);
  });
});
