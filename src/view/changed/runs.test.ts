// The "what changed" view runs its commands in the real simulation of each profile:
// a difference's script as src/shell/profiles.test.ts types it, and a command at a
// moment of the timeline after the timeline's own inputs, replayed in each lab.
import { describe, expect, it } from 'vitest';
import { podCreate } from '../../lessons';
import { sessionDriver } from '../../lessons/sessionDriver';
import { LessonPlayer } from '../../player';
import { Session } from '../../shell';
import { runScript } from '../../shell/transcript';
import type { ProfileId } from '../../sim/profiles';
import { profiles } from '../../sim/profiles';
import { differences136 } from '../../sim/profiles/differences';
import type { Line, MomentOptions } from './runs';
import { momentRun, scriptRun } from './runs';

/** Runs a generator to its end at once (the page spreads it over tasks); counts its slices. */
function drain<T>(g: Generator<void, T>): { value: T; slices: number } {
  let slices = 0;
  for (;;) {
    const r = g.next();
    if (r.done) return { value: r.value, slices };
    slices++;
  }
}

const text = (lines: readonly Line[]) => lines.map((l) => l.text).join('\n');

describe('a difference’s script in a lab of each profile', () => {
  for (const d of differences136.filter((x) => x.script)) {
    it(`${d.id}: prints what npm run shell prints for the same script`, () => {
      for (const profile of ['1.18', '1.36'] as const) {
        const { value, slices } = drain(scriptRun(sessionDriver, profile, d.script ?? [], 1, d.lab));
        const want: string[] = [];
        const master = profiles[profile].master.name;
        runScript(
          new Session({ profile, ...(d.lab ? { lab: d.lab } : {}) }),
          (d.script ?? []).map((l) => l.replaceAll('{master}', master)),
          (t) => want.push(t),
        );
        expect(text(value), profile).toBe(want.join('\n'));
        expect(slices).toBeGreaterThan(0);
        const expected = d.prints?.[profile];
        if (typeof expected === 'string') expect(text(value)).toContain(expected);
        else if (expected) expect(text(value)).toMatch(expected);
      }
    });
  }
});

describe('a command at a moment of the timeline, in each lab', () => {
  function momentOf(
    lp: LessonPlayer,
    from: ProfileId,
    profile: ProfileId,
    command: MomentOptions['command'],
  ) {
    return drain(
      momentRun({
        driver: sessionDriver,
        seed: 1,
        lab: 'ready',
        workers: 3,
        from,
        profile,
        inputs: lp.inputs(),
        command,
      }),
    ).value;
  }

  for (const from of ['1.18', '1.36'] as const) {
    it(`the last line typed in the ${from} lab: its own lab prints what its terminal printed, the other lab its own answer`, () => {
      const lp = new LessonPlayer(podCreate, 1, sessionDriver, 'ready', [], 3, from);
      lp.end();
      const master = profiles[from].master.name;
      const at = lp.type(master, 'kubectl get nodes');
      const typed = lp.inputs().find((i) => !i.scripted && 'line' in i);
      expect(typed).toBeDefined();
      lp.player.seek((at + 5_000) as never);
      const shown = lp
        .transcriptAt(lp.player.now)
        .filter((l) => l.at >= at)
        .map((l) => l.text);
      const command = { host: master, line: 'kubectl get nodes', tab: master, at, onTimeline: true };
      const same = momentOf(lp, from, from, command);
      expect(text(same)).toBe(shown.join('\n'));
      const other = from === '1.18' ? '1.36' : '1.18';
      const there = text(momentOf(lp, from, other, command));
      if (other === '1.36') {
        expect(there).toMatch(/^root@cp-k8s:~# kubectl get nodes$/m);
        expect(there).toMatch(/^cp-k8s\s+Ready\s+control-plane\s+\S+\s+v1\.36\.0$/m);
      } else {
        expect(there).toMatch(/^\[root@m-k8s ~\]# kubectl get nodes$/m);
        expect(there).toMatch(/^m-k8s\s+Ready\s+master\s+\S+\s+v1\.18\.4$/m);
      }
      // The lesson's pod is there in both: the timeline was replayed before the command.
      const pods = { host: master, line: 'kubectl get pods', at: at + 10_000 };
      for (const p of ['1.18', '1.36'] as const)
        expect(text(momentOf(lp, from, p, pods)), p).toMatch(/^nginx-pod\s+1\/1\s+Running\s+0\s+\S+$/m);
    });
  }

  it('replays faults on the machine of that name: a stopped kubelet’s node is NotReady in both labs', () => {
    const lp = new LessonPlayer(podCreate, 1, sessionDriver);
    lp.end();
    lp.act({ fault: { id: 'kubelet', target: 'w2-k8s' }, heal: false });
    const at = lp.player.now + 120_000;
    for (const p of ['1.18', '1.36'] as const) {
      const out = text(momentOf(lp, '1.18', p, { host: 'm-k8s', line: 'kubectl get nodes', at }));
      expect(out, p).toMatch(/^w2-k8s\s+NotReady\s+<none>/m);
      expect(out, p).toMatch(/^w1-k8s\s+Ready\s+<none>/m);
    }
  });

  it('a watch typed on the timeline is stopped where the person pressed Ctrl+C', () => {
    const lp = new LessonPlayer(podCreate, 1, sessionDriver);
    lp.end();
    const at = lp.type('m-k8s', 'kubectl get pods -w');
    lp.player.seek((at + 3_000) as never);
    lp.interrupt('m-k8s');
    const command = { host: 'm-k8s', line: 'kubectl get pods -w', tab: 'm-k8s', at, onTimeline: true };
    const out = momentOf(lp, '1.18', '1.36', command);
    expect(text(out)).toMatch(/^nginx-pod\s+1\/1\s+Running\s+0\s+\S+$/m);
    expect(out.at(-1)?.text).toBe('^C');
  });
});
