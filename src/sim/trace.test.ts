// A parked world's trace counts its messages and keeps none, then takes back the
// recording's copy of them only when it is the same messages.
import { describe, expect, it } from 'vitest';
import { Trace } from './trace';
import type { SimMs } from './units';

const send = (t: Trace, n: number, kind = 'api.get.pods') => {
  for (let i = 0; i < n; i++)
    t.append({
      from: 'kubectl@m-k8s',
      to: 'apiserver',
      sentAt: i as SimMs,
      deliverAt: (i + 1) as SimMs,
      kind,
      summary: `GET ${i}`,
    });
};

describe('a forgetting trace', () => {
  it('counts and numbers its messages without keeping them', () => {
    const t = new Trace();
    t.forget();
    send(t, 5);
    expect(t.length).toBe(5);
    expect(t.all()).toEqual([]);
  });

  it('adopts the same messages from a longer trace, and keeps the next ones', () => {
    const kept = new Trace();
    send(kept, 8);
    const parked = new Trace();
    parked.forget();
    send(parked, 5);
    expect(parked.adopt(kept.all())).toBe(true);
    expect(parked.all()).toEqual(kept.all().slice(0, 5));
    parked.append({
      from: 'a',
      to: 'b',
      sentAt: 9 as SimMs,
      deliverAt: 10 as SimMs,
      kind: 'x',
      summary: 'y',
    });
    expect(parked.all().map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('refuses messages that differ from its own last one, or too few', () => {
    const kept = new Trace();
    send(kept, 8);
    const other = new Trace();
    other.forget();
    send(other, 5, 'api.list.pods');
    expect(other.adopt(kept.all())).toBe(false);
    expect(other.all()).toEqual([]);
    const longer = new Trace();
    longer.forget();
    send(longer, 9);
    expect(longer.adopt(kept.all())).toBe(false);
  });
});
