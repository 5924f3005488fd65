// A cold fork through the queue: the input waits while the fork is readied in slices of
// a few ms, and what follows is exactly what a fork made in one call shows.
import { describe, expect, it } from 'vitest';
import { Session } from '../shell';
import type { SimMs } from '../sim';
import { ForkQueue } from './forkQueue';
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
];
const record = () => {
  const r = new Recording<Session>({ seed: 3 }, (o) => new Session(o), runner, script);
  r.simulateTo(at(600_000));
  return r;
};
const trace = (r: Recording<Session>) => JSON.stringify(r.envelopes());

describe('a cold fork through the queue', () => {
  it('waits for slices, then applies the inputs at their moment, as a fork in one call would', () => {
    const r = record();
    const q = new ForkQueue<RecordedInput>({
      inputTime: () => at(400_000),
      readyAt: (t, stop) => t >= r.simulatedTo || r.prepareFork(t, stop),
      apply: (input) => r.input(input),
    });
    const line: RecordedInput = { at: at(400_000), host: 'm-k8s', line: 'kubectl get pods' };
    const ctrlC: RecordedInput = { at: at(400_000), host: 'm-k8s', interrupt: true };
    expect(q.submit(line)).toBe(false);
    expect(q.submit(ctrlC)).toBe(false);
    let slices = 0;
    while (q.pending > 0) {
      const deadline = performance.now() + 2;
      q.pump(() => performance.now() > deadline);
      slices++;
    }
    expect(slices).toBeGreaterThan(1);
    r.simulateTo(at(450_000));

    const once = record();
    once.input(line);
    once.input(ctrlC);
    once.simulateTo(at(450_000));
    expect(trace(r)).toEqual(trace(once));
    expect(r.world.jobOf('m-k8s')?.output).toEqual(once.world.jobOf('m-k8s')?.output);
  });
});
