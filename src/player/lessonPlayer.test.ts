import { describe, expect, it } from 'vitest';
import { podCreate } from '../lessons';
import { sessionDriver } from '../lessons/sessionDriver';
import type { SimMs } from '../sim';
import { LessonPlayer } from './lessonPlayer';

const nginx = (lp: LessonPlayer) =>
  lp.player.frame().pods.find((p) => p.name === 'nginx-pod')?.status ?? 'none';

describe('LessonPlayer', () => {
  it('steps through the eight steps and shows the pod as it was at each', () => {
    const lp = new LessonPlayer(podCreate, 1, sessionDriver);
    expect(lp.step).toBe(0);
    expect(nginx(lp)).toBe('none');
    const seen: [number, string, boolean][] = [];
    for (let n = 1; n <= 8; n++) {
      lp.nextStep();
      seen.push([lp.step, nginx(lp), lp.player.getSnapshot().playing]);
    }
    expect(seen.map((s) => s[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(seen[0]?.[1]).toBe('none');
    expect(seen[4]?.[1]).toBe('Pending');
    expect(seen.every((s) => s[2])).toBe(true);
    lp.end();
    expect(nginx(lp)).toBe('Running');
  });

  it('plays a step up to the next one and stops there', () => {
    const lp = new LessonPlayer(podCreate, 1, sessionDriver);
    lp.nextStep();
    for (let i = 0; i < 1000 && lp.player.getSnapshot().playing; i++) lp.player.tick(16);
    // It stops a hair before step 2 begins: the narration stays on step 1 until the viewer moves on.
    expect(lp.player.now).toBeCloseTo(lp.anchor(2) as number, 1);
    expect(lp.step).toBe(1);
    lp.nextStep();
    expect(lp.step).toBe(2);
  });

  it('goes back by lookup: the picture at an earlier time is the one it was', () => {
    const lp = new LessonPlayer(podCreate, 1, sessionDriver);
    lp.end();
    const later = lp.player.frame();
    lp.goToStep(5);
    const atFive = lp.player.frame();
    expect(atFive.pods.find((p) => p.name === 'nginx-pod')?.status).toBe('Pending');
    expect(atFive.etcdRevision).toBeLessThan(later.etcdRevision);
    const generation = lp.recording.generation;
    lp.end();
    expect(lp.player.frame()).toBe(later);
    expect(lp.recording.generation).toBe(generation);
  });

  it('plays at 1× on a dilated clock: the eight steps take seconds, not milliseconds or minutes', () => {
    const lp = new LessonPlayer(podCreate, 1, sessionDriver);
    lp.player.play();
    let wall = 0;
    // Play does not stop at the lesson's end (the cluster goes on at the live edge): watch for step 8.
    while (lp.step < 8 && wall < 600_000) {
      lp.player.tick(16);
      wall += 16;
    }
    expect(lp.step).toBe(8);
    expect(wall).toBeGreaterThan(5_000);
    expect(wall).toBeLessThan(90_000);
  });

  it('prints what kubectl prints, when its answer arrives', () => {
    const lp = new LessonPlayer(podCreate, 1, sessionDriver);
    expect(lp.transcriptAt(999 as SimMs)).toEqual([]);
    lp.goToStep(1);
    expect(lp.transcriptAt(lp.player.now).map((l) => l.text)).toEqual([
      '[root@m-k8s ~]# kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml',
    ]);
    lp.goToStep(5);
    expect(lp.transcriptAt(lp.player.now).map((l) => l.kind)).toEqual(['input', 'stdout']);
    expect(lp.transcriptAt(lp.player.now)[1]?.text).toBe('pod/nginx-pod created');
  });

  it('without a driver shows the lab up to the first command, and no steps', () => {
    const lp = new LessonPlayer(podCreate);
    expect(lp.player.getSnapshot().end).toBe(1000);
    expect(lp.anchor(1)).toBeUndefined();
    lp.nextStep();
    expect(lp.step).toBe(0);
  });

  it('forks the future away when an input is made in the past', () => {
    const lp = new LessonPlayer(podCreate, 1, sessionDriver);
    const before = lp.recording.envelopes().length;
    lp.recording.input({ at: 500 as SimMs, host: 'm-k8s', line: 'kubectl create -f nginx-pod.yaml' });
    expect(lp.recording.generation).toBe(1);
    expect(lp.recording.simulatedTo).toBe(500);
    expect(lp.recording.envelopes().length).toBeLessThan(before);
  });

  it('after deferLookahead, one reading of the story says it is looking ahead, and the next one tells what comes', () => {
    const told = new LessonPlayer(podCreate, 1, sessionDriver);
    told.end();
    told.type('m-k8s', 'kubectl create deployment big --image=nginx');
    const lp = new LessonPlayer(podCreate, 1, sessionDriver);
    lp.end();
    lp.type('m-k8s', 'kubectl create deployment big --image=nginx');
    lp.deferLookahead();
    const first = lp.story();
    expect(first.lookingAhead).toBe(true);
    expect(first.next).toBeUndefined();
    // The page asks again at the next frame, at the same moment: this reading looks ahead.
    expect(lp.story()).toEqual(told.story());
    expect(lp.story().next?.title.en).toMatch(/^big-/);
  });
});
