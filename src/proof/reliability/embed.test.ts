// Issue 16: the embed's public verbs (the element's methods and the iframe's messages)
// take any value without a crash inside, refuse a flood with `busy`, and give the page
// the main thread back often. Run on the real controller and a real lesson player.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal } from '../../embed/bridge';
import { EmbedController } from '../../embed/controller';
import { PlayerSlot } from '../../embed/playerSlot';
import { badId, perform } from '../../embed/protocol';
import { BusyError, MAX_PENDING } from '../../embed/requestQueue';
import { podCreate } from '../../lessons';
import { sessionDriver } from '../../lessons/sessionDriver';
import { LessonPlayer } from '../../player/lessonPlayer';
import { Tally } from './tally';

const tally = new Tally('embed verbs');
afterAll(() => console.log(tally.report()));

let controller: EmbedController;
beforeAll(() => {
  const slot = new PlayerSlot();
  slot.attach(new LessonPlayer(podCreate, 1, sessionDriver), true);
  controller = new EmbedController(slot, () => {});
});

/** Podscope's own errors: TypeErrors from args.ts, BusyError, or a sentence about the lab. */
const ours = (e: unknown): boolean =>
  e instanceof BusyError ||
  (e instanceof TypeError && /^[a-zA-Z]+\([a-z, ]*\): /.test(e.message)) ||
  (e instanceof Error && /^(run\(line, host\): |unknown (fault|node|type)|"|[a-z_-]+@)/.test(e.message));

const verbs = [
  'play',
  'pause',
  'state',
  'step',
  'goToStep',
  'seek',
  'setSpeed',
  'inject',
  'heal',
  'run',
] as const;

describe('the element’s methods with any JSON value as each argument', () => {
  it('resolve or reject with one of Podscope’s own errors, never a crash inside', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...verbs), fc.jsonValue(), fc.jsonValue(), async (verb, a, b) => {
        const call = (controller[verb] as (x: unknown, y: unknown) => Promise<unknown>).bind(controller);
        await tally.timeAsync(`method ${verb}`, () =>
          call(a, b).then(
            () => undefined,
            (e: unknown) => {
              expect(ours(e), `${verb}(${JSON.stringify(a)}, ${JSON.stringify(b)}): ${String(e)}`).toBe(true);
            },
          ),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('name the parameter and what it must be', async () => {
    await expect(controller.run(null)).rejects.toThrow(
      new TypeError('run(line, host): line must be a string'),
    );
    await expect(controller.run({})).rejects.toThrow(new TypeError('run(line, host): line must be a string'));
    await expect(controller.inject(null)).rejects.toThrow(
      new TypeError('inject(fault, target): fault must be a string'),
    );
    await expect(controller.seek(Number.NaN)).rejects.toThrow(
      new TypeError('seek(ms): ms must be a finite number'),
    );
    await expect(controller.run('x'.repeat(5000))).rejects.toThrow(/line must be at most 4096 characters/);
    expect(await controller.run('kubectl get nodes', 'm-k8s')).toMatch(/^NAME\s+STATUS/);
  });
});

describe('the iframe’s messages', () => {
  it('any message, malformed or not, is answered with ok or Podscope’s words', async () => {
    const message = fc.record(
      {
        type: fc.oneof(fc.constantFrom(...verbs, 'speed', 'reply', 'nope'), fc.jsonValue()),
        id: fc.jsonValue(),
        delta: fc.jsonValue(),
        step: fc.jsonValue(),
        ms: fc.jsonValue(),
        speed: fc.jsonValue(),
        fault: fc.oneof(fc.constantFrom('kubelet', 'apiserver', 'br_netfilter'), fc.jsonValue()),
        target: fc.oneof(fc.constantFrom('w2-k8s', 'm-k8s'), fc.jsonValue()),
        line: fc.oneof(fc.constantFrom('kubectl get pods', 'kubectl get nodes'), fc.jsonValue()),
        host: fc.oneof(fc.constantFrom('m-k8s', 'w1-k8s'), fc.jsonValue()),
      },
      { requiredKeys: ['type'] },
    );
    await fc.assert(
      fc.asyncProperty(message, async (m) => {
        if (badId(m.id)) return;
        await tally.timeAsync('message', () =>
          perform(controller, m).then(
            () => undefined,
            (e: unknown) => {
              const reply = refusal(e);
              expect(typeof reply.error).toBe('string');
              expect(ours(e), `${JSON.stringify(m)}: ${String(e)}`).toBe(true);
            },
          ),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('a flood is answered at once with `busy` beyond the queue, and every accepted one is answered', async () => {
    const t = performance.now();
    const answers = await Promise.allSettled(
      Array.from({ length: 10_000 }, (_, i) =>
        perform(controller, { type: 'run', id: i, line: 'kubectl get pods', host: 'm-k8s' }),
      ),
    );
    tally.add('flood of 10,000 run messages (all answered)', performance.now() - t);
    const busy = answers.filter((a) => a.status === 'rejected' && refusal(a.reason).code === 'busy');
    const ran = answers.filter((a) => a.status === 'fulfilled');
    expect(ran.length).toBe(MAX_PENDING);
    expect(busy.length).toBe(10_000 - MAX_PENDING);
    expect(refusal((busy[0] as PromiseRejectedResult).reason)).toEqual({
      ok: false,
      code: 'busy',
      error: `busy: ${MAX_PENDING} requests are already waiting; send this one again once one is answered`,
    });
    expect(controller.pending).toBe(0);
  });

  it('ids that cannot be echoed are refused in words', () => {
    expect(badId({ a: 1 })).toBe('id must be a number or a string of at most 128 characters');
    expect(badId('x'.repeat(129))).toMatch(/at most 128/);
    expect(badId(7)).toBeUndefined();
    expect(badId('q1')).toBeUndefined();
  });
});

/** While `work` runs: how many macrotasks the page got in, and the longest gap between two. */
async function probe(work: () => Promise<unknown>[]): Promise<{ ticks: number; longest: number }> {
  let ticks = 0;
  let longest = 0;
  let last = performance.now();
  let running = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const now = performance.now();
    ticks += 1;
    longest = Math.max(longest, now - last);
    last = now;
    if (running) channel.port2.postMessage(null);
  };
  channel.port2.postMessage(null);
  await Promise.allSettled(work());
  running = false;
  channel.port1.close();
  return { ticks, longest };
}

// DESIGN's budget is no task over 50 ms. The queue gives the thread back between two
// requests and inside long ones (asserted below): a seek to a moment not simulated yet is
// simulated a slice at a time, and a `run` or a fault in the past readies the world it
// forks from a slice at a time first. The longest stretch is printed here (a figure, not a
// timed assertion, which a shared CI machine would make flaky) and measured by the bench.
describe('the main thread', () => {
  it('gets a turn between every two queued requests', async () => {
    const n = MAX_PENDING;
    const { ticks, longest } = await probe(() =>
      Array.from({ length: n }, (_, i) =>
        i % 2 ? controller.state() : controller.run('kubectl get pods -o wide'),
      ),
    );
    tally.add(`longest stretch: ${n} requests at once (run and state)`, longest);
    expect(ticks).toBeGreaterThanOrEqual(n);
  });

  it('gets turns inside a long request, and the longest stretch is printed', async () => {
    const { ticks, longest } = await probe(() => [
      controller.run('kubectl create deployment web --image=nginx'),
      controller.run('kubectl scale deployment web --replicas=30'),
      controller.run('kubectl get pods -w'),
      controller.goToStep(8),
      controller.run('kubectl get pods -o wide'),
    ]);
    tally.add('longest stretch: 5 heavy requests (create, scale to 30, get -w, goToStep 8, get)', longest);
    // `get -w` alone is simulated for 60 s of cluster time in 240 slices.
    expect(ticks).toBeGreaterThan(5);
  });

  it('forks a run in the past and seeks to a moment not simulated since, printing the longest stretch of each', async () => {
    const slot = new PlayerSlot();
    slot.attach(new LessonPlayer(podCreate, 1, sessionDriver), true);
    const c = new EmbedController(slot, () => {});
    await c.pause();
    await c.run('kubectl create deployment web --image=nginx --replicas=30');
    await c.seek((await c.state()).end);
    // A fault lengthens the timeline by its consequences (7 min); a command typed before it forks it away.
    const before = (await c.state()).now;
    await c.inject('kubelet', 'w1-k8s');
    const { end } = await c.state();
    expect(end - before).toBeGreaterThanOrEqual(420_000);
    const back = await probe(() => [c.seek(before - 500), c.run('kubectl get nodes')]);
    tally.add('longest stretch: a run typed before a fault', back.longest);
    // The 7 min after it are simulated again only when someone looks, in slices.
    const ahead = await probe(() => [c.seek(end)]);
    tally.add('longest stretch: a seek 7 min past what was simulated', ahead.longest);
    expect(ahead.ticks).toBeGreaterThan(1);
    expect((await c.state()).now).toBe(end);
    // The fault was the person's own later input: the run in the past replaced it.
    expect(await c.run('systemctl is-active kubelet', 'w1-k8s')).toBe('active');
  });
});
