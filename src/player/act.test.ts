import { describe, expect, it } from 'vitest';
import { podCreate } from '../lessons';
import { sessionDriver } from '../lessons/sessionDriver';
import type { SimMs } from '../sim';
import { LessonPlayer } from './lessonPlayer';

const pod = (lp: LessonPlayer, name: string) =>
  lp.player.frame().pods.find((p) => p.name === name)?.status ?? 'none';
const playFor = (lp: LessonPlayer, ms: number) => lp.player.seek(lp.player.now + ms);

describe('acting on the lab from the page', () => {
  it('records a typed line and a fault at the live edge, and plays their consequences', () => {
    const lp = new LessonPlayer(podCreate, 1, sessionDriver);
    lp.end();
    const end = lp.player.now;
    const at = lp.act({ fault: { id: 'scheduler' }, heal: false });
    expect(at).toBe(end);
    // At the live edge (the lesson's script is over) time flows on and the consequences unfold.
    expect(lp.player.getSnapshot().playing).toBe(true);
    expect(lp.player.getSnapshot().end).toBeGreaterThan(end + 300_000);
    playFor(lp, 21_000);
    expect(lp.player.frame().components.find((c) => c.id === 'scheduler')?.state).toBe('stopped');
    lp.act({ host: 'm-k8s', line: 'kubectl run web --image=nginx' });
    playFor(lp, 20_000);
    expect(pod(lp, 'web')).toBe('Pending');
    lp.act({ fault: { id: 'scheduler' }, heal: true });
    playFor(lp, 60_000);
    expect(pod(lp, 'web')).toBe('Running');
    expect(
      lp
        .inputs()
        .map((i) =>
          'fault' in i ? `${i.heal ? 'heal' : 'inject'} ${i.fault.id}` : 'line' in i ? i.line : '^C',
        ),
    ).toEqual([
      'kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml',
      'inject scheduler',
      'kubectl run web --image=nginx',
      'heal scheduler',
    ]);
  });

  it('forks the future away when the viewer acts in the past', () => {
    const lp = new LessonPlayer(podCreate, 1, sessionDriver);
    lp.end();
    lp.act({ fault: { id: 'kubelet', target: 'w2-k8s' }, heal: false });
    playFor(lp, 100_000);
    expect(lp.player.frame().components.find((c) => c.id === 'kubelet@w2-k8s')?.state).toBe('stopped');
    // Back before the fault, and try something else instead.
    lp.player.pause();
    lp.player.seek(500 as SimMs);
    lp.act({ fault: { id: 'crash' }, heal: false });
    expect(lp.inputs().some((i) => 'fault' in i && i.fault.id === 'kubelet')).toBe(false);
    playFor(lp, 100_000);
    expect(lp.player.frame().components.find((c) => c.id === 'kubelet@w2-k8s')?.state).toBe('running');
    expect(lp.player.frame().pods.find((p) => p.name === 'nginx-pod')?.restarts ?? 0).toBeGreaterThan(0);
  });
});

describe('acting in slices (the element and the iframe)', () => {
  for (const [step, input] of [
    [0, { host: 'm-k8s', line: 'kubectl create deployment web --image=nginx', tab: 'm-k8s' }],
    [3, { fault: { id: 'kubelet', target: 'w2-k8s' }, heal: false }],
  ] as const) {
    it(`at step ${step}, re-simulates what follows a slice at a time and ends as act does`, () => {
      const whole = new LessonPlayer(podCreate, 1, sessionDriver);
      const sliced = new LessonPlayer(podCreate, 1, sessionDriver);
      for (const lp of [whole, sliced]) lp.goToStep(step);
      whole.act(input);
      const acting = sliced.beginAct(input);
      let slices = 1;
      let budget = 0;
      while (
        !acting.simulate(() => {
          budget--;
          return budget < 0;
        })
      ) {
        budget = 2;
        slices++;
      }
      acting.finish();
      // The lesson's later steps were simulated again in more than one slice, not in one go.
      expect(slices).toBeGreaterThan(1);
      const seen = (lp: LessonPlayer) => ({
        snapshot: lp.player.getSnapshot(),
        anchors: lp.tour.getSnapshot().context.anchors,
        step: lp.step,
        trace: lp.recording.envelopes().length,
        story: JSON.stringify(lp.story()),
      });
      expect(seen(sliced)).toEqual(seen(whole));
    });
  }
});
