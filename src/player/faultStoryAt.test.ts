// The fault story is told at the moment on screen, not at the live edge (issue 11).
import { describe, expect, it } from 'vitest';
import { podCreate } from '../lessons';
import { faultStory } from '../lessons/faults/faultStory';
import { sessionDriver } from '../lessons/sessionDriver';
import type { SimMs } from '../sim';
import { LessonPlayer } from './lessonPlayer';
import { momentOf } from './moment';

describe('the story of a stopped kubelet, scrubbed through', () => {
  it('counts down to NotReady before it, and says it happened after it', () => {
    const lp = new LessonPlayer(podCreate, 1, sessionDriver);
    lp.end();
    const at = lp.act({ fault: { id: 'kubelet', target: 'w2-k8s' }, heal: false });
    const story = (t: number) => {
      lp.player.pause();
      lp.player.seek(t as SimMs);
      return faultStory({ id: 'kubelet', target: 'w2-k8s' }, momentOf(lp.player.frame())).next.en;
    };
    expect(story(at + 60_000)).toContain('NotReady already');
    // Back before the grace period ended: the countdown of then, not "0 s".
    const before = story(at + 5_000);
    expect(before).toMatch(/^In about (2\d|3\d) s/);
    expect(lp.player.frame().faults).toEqual([{ id: 'kubelet', target: 'w2-k8s' }]);
    // And before the fault, none is in force at all.
    lp.player.seek((at - 1) as SimMs);
    expect(lp.player.frame().faults).toEqual([]);
  });
});
