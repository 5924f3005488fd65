// client-go names an event `<object>.<UnixNano in hex>`: the ready lab's setup events carry
// the moment they happened in their names, in the era of the lab's profile (July 2020 for
// the book's lab, May 2026 for the second edition's), as their timestamps do.
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { typeAndWait } from './transcript';

function eventTimes(profile: '1.18' | '1.36') {
  const s = new Session({ seed: 1, profile });
  const text = typeAndWait(
    s,
    'kubectl get events -o jsonpath=\'{range .items[*]}{.metadata.name} {.firstTimestamp}{"\\n"}{end}\'',
  ).text();
  return text
    .split('\n')
    .filter((l) => /-k8s\.[0-9a-f]+ /.test(l))
    .map((l) => {
      const [name, stamp] = l.split(' ') as [string, string];
      const ns = BigInt(`0x${name.slice(name.lastIndexOf('.') + 1)}`);
      return { named: Number(ns / 1_000_000_000n), stamped: Date.parse(stamp) / 1000 };
    });
}

describe('the ready lab’s setup events', () => {
  for (const [profile, year] of [
    ['1.18', 2020],
    ['1.36', 2026],
  ] as const) {
    it(`are named at the second they happened under ${profile} (${year})`, () => {
      const times = eventTimes(profile);
      expect(times.length).toBeGreaterThan(10);
      for (const t of times) {
        expect(new Date(t.named * 1000).getUTCFullYear()).toBe(year);
        expect(t.named).toBe(t.stamped);
      }
    });
  }
});
