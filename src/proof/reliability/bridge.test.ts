// Issue 16: the iframe's bridge under random, malformed and flooding message sequences
// from allowed and other origins. It never throws, answers only allowed origins, answers
// each of their requests exactly once (ok, or Podscope's words), and stays bounded.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge } from '../../embed/bridge';
import { parseEmbedParams } from '../../embed/options';
import { PlayerSlot } from '../../embed/playerSlot';
import { podCreate } from '../../lessons';
import { sessionDriver } from '../../lessons/sessionDriver';
import { LessonPlayer } from '../../player/lessonPlayer';
import { Tally } from './tally';

const ALLOWED = 'https://docs.example.org';
const tally = new Tally('iframe bridge');

interface Reply {
  readonly id?: unknown;
  readonly ok: boolean;
  readonly error?: unknown;
  readonly code?: unknown;
}

let onMessage: (e: { data: unknown; origin: string; source: unknown }) => void = () => {};
const replies: Reply[] = [];
const source = {
  postMessage: (m: { type: string } & Reply, origin: string) => {
    expect(origin).toBe(ALLOWED);
    if (m.type === 'reply') replies.push(m);
  },
};
let stop: () => void = () => {};
const debug = console.debug;

beforeAll(() => {
  console.debug = () => {};
  // Node has no ResizeObserver; the bridge only reports the frame's height with it.
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver = class {
    observe() {}
    disconnect() {}
  };
  const win = {
    parent: { postMessage: () => {} },
    addEventListener: (_: string, fn: typeof onMessage) => {
      onMessage = fn;
    },
    removeEventListener: () => {},
    document: { body: { scrollHeight: 100 } },
  } as unknown as Window;
  const slot = new PlayerSlot();
  slot.attach(new LessonPlayer(podCreate, 1, sessionDriver), true);
  stop = startBridge(slot, parseEmbedParams(new URLSearchParams(`allowOrigin=${ALLOWED}`)), win);
});

afterAll(() => {
  stop();
  console.debug = debug;
  console.log(tally.report());
});

const settle = async (n: number) => {
  for (let i = 0; i < 2_000 && replies.length < n; i += 1) await new Promise((r) => setTimeout(r, 1));
};

const hostile = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    { toString: null },
    { valueOf: null, toString: null },
    [],
    Number.NaN,
    '',
    'x'.repeat(10_000),
  ),
);
const podscopeMessage = fc.record({
  source: fc.constant('podscope'),
  v: fc.oneof(fc.constant(1), hostile),
  type: fc.oneof(
    fc.constantFrom(
      'play',
      'pause',
      'state',
      'step',
      'goToStep',
      'seek',
      'speed',
      'inject',
      'heal',
      'run',
      'reply',
    ),
    fc.string({ maxLength: 20 }),
  ),
  id: fc.oneof(fc.integer(), fc.string({ maxLength: 10 }), hostile),
  line: fc.oneof(fc.constantFrom('kubectl get nodes', 'kubectl get pods'), hostile),
  fault: fc.oneof(fc.constantFrom('kubelet', 'apiserver'), hostile),
  target: fc.oneof(fc.constantFrom('w2-k8s'), hostile),
  step: hostile,
  delta: hostile,
  ms: hostile,
  speed: hostile,
  host: fc.oneof(fc.constantFrom('m-k8s'), hostile),
});
const delivery = fc.record({
  origin: fc.constantFrom(ALLOWED, 'https://evil.example', '', 'null', `${ALLOWED}.evil.example`),
  data: fc.oneof({ weight: 4, arbitrary: podscopeMessage }, { weight: 1, arbitrary: hostile }),
});

/** The deliveries the bridge must answer: podscope requests of version 1 from the allowed origin. */
const answerable = (d: { origin: string; data: unknown }) => {
  const m = d.data as { source?: unknown; type?: unknown; v?: unknown } | null;
  return (
    d.origin === ALLOWED &&
    typeof m === 'object' &&
    m !== null &&
    m.source === 'podscope' &&
    typeof m.type === 'string' &&
    m.type !== 'reply' &&
    m.v === 1
  );
};

describe('the iframe bridge under hostile message sequences', () => {
  it('never throws, and answers exactly the allowed requests, each once, in words', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(delivery, { maxLength: 30 }), async (sequence) => {
        replies.length = 0;
        const t = performance.now();
        for (const d of sequence) expect(() => onMessage({ ...d, source })).not.toThrow();
        const expected = sequence.filter(answerable).length;
        await settle(expected);
        tally.add('sequence of up to 30 deliveries, until every answer', performance.now() - t);
        for (const d of sequence)
          tally.count(
            answerable(d)
              ? 'delivery answered (allowed request)'
              : 'delivery ignored (other origin, malformed or a reply)',
          );
        expect(replies.length).toBe(expected);
        for (const r of replies) {
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(typeof r.error).toBe('string');
          if (!r.ok) expect(r.error).not.toMatch(/Cannot read|is not a function|undefined|\[object/);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a flood of 2,000 runs from the allowed origin is answered, all but 16 with `busy`', async () => {
    replies.length = 0;
    const t = performance.now();
    for (let i = 0; i < 2_000; i += 1)
      onMessage({
        data: { source: 'podscope', v: 1, type: 'run', id: i, line: 'kubectl get pods' },
        origin: ALLOWED,
        source,
      });
    tally.add('flood: 2,000 run messages, time to refuse them all', performance.now() - t);
    await settle(2_000);
    tally.add('flood: 2,000 run messages, time to the last answer', performance.now() - t);
    expect(replies.length).toBe(2_000);
    expect(replies.filter((r) => r.code === 'busy').length).toBe(2_000 - 16);
    expect(new Set(replies.map((r) => r.id)).size).toBe(2_000);
  });
});
