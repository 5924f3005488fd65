// Issue 18: every difference the 1.36 profile declares against the book's 1.18, each with
// its source (src/sim/profiles/differences.ts), shown by the lab: the same lines typed
// under both profiles, each transcript holding what that version prints.
import { describe, expect, it } from 'vitest';
import type { Profile, ProfileId } from '../sim/profiles';
import { profiles } from '../sim/profiles';
import { differences136 } from '../sim/profiles/differences';
import type { SimMs } from '../sim/units';
import { Session } from './session';
import { runAt, wait } from './testing/drive';
import { runScript } from './transcript';

function transcript(profile: ProfileId, script: readonly string[], lab?: 'fresh'): string {
  const session = new Session({ profile, ...(lab ? { lab } : {}) });
  const master = profiles[profile].master.name;
  const out: string[] = [];
  runScript(
    session,
    script.map((l) => l.replaceAll('{master}', master)),
    (t) => out.push(t),
  );
  return out.join('\n');
}

/** The value of each field of a profile, functions called with the same arguments for both. */
function leaves(p: Profile): Map<string, string> {
  const samples: Record<string, (p: Profile) => unknown> = {
    prompt: (x) => ['/root', '/', '/etc/kubernetes', '/root/_Book_k8sInfra'].map((d) => x.prompt('h', d)),
    'kubelet.createdMessage': (x) => x.kubelet.createdMessage('nginx'),
    'kubelet.startedMessage': (x) => x.kubelet.startedMessage('nginx'),
    'kubelet.pulledMessage': (x) => x.kubelet.pulledMessage('nginx', 3217, 3217, 132_000_000),
    'kubectl.deleted': (x) => [
      x.kubectl.deleted('pod', 'p', 'default', 'deleted'),
      x.kubectl.deleted('node', 'n', undefined, 'deleted'),
    ],
    'kubectl.refusedDiscovery.message': (x) => x.kubectl.refusedDiscovery?.message('u', 'd'),
    'kubectl.version': (x) =>
      [true, false].flatMap((s) => [x.kubectl.version(true, s), x.kubectl.version(false, s)]),
  };
  const out = new Map<string, string>();
  const walk = (o: unknown, path: string) => {
    if (typeof o === 'function') {
      const sample = samples[path];
      if (!sample) throw new Error(`${path}: a function field needs a sample call in this test`);
      out.set(path, JSON.stringify(sample(p)));
    } else if (o && typeof o === 'object' && !Array.isArray(o) && path !== 'node.masterLabels') {
      for (const [k, v] of Object.entries(o)) walk(v, path ? `${path}.${k}` : k);
    } else out.set(path, JSON.stringify(o));
  };
  walk(p, '');
  return out;
}

describe('the 1.36 profile against the book’s 1.18', () => {
  it('lists every field that differs in a difference with its source', () => {
    const a = leaves(profiles['1.18']);
    const b = leaves(profiles['1.36']);
    const differing = [...new Set([...a.keys(), ...b.keys()])].filter(
      (k) => k !== 'id' && a.get(k) !== b.get(k),
    );
    const covered = new Set(differences136.flatMap((d) => d.fields));
    expect(differing.filter((f) => !covered.has(f))).toEqual([]);
    // And no difference names a field that is the same in both (or does not exist).
    expect([...covered].filter((f) => !differing.includes(f))).toEqual([]);
    for (const d of differences136) expect(d.source.length, d.id).toBeGreaterThan(10);
  });

  for (const d of differences136.filter((x) => x.script && x.prints)) {
    it(`${d.id}: ${d.what}`, () => {
      for (const profile of ['1.18', '1.36'] as const) {
        const want = d.prints?.[profile] as string | RegExp;
        const text = transcript(profile, d.script ?? [], d.lab);
        if (typeof want === 'string') expect(text, profile).toContain(want);
        else expect(text, profile).toMatch(want);
      }
    });
  }

  it('node-monitor-grace: a silent kubelet’s node turns NotReady 40 s (1.18) or 50 s (1.36) after its last lease renewal', () => {
    const silence: number[] = [];
    for (const profile of ['1.18', '1.36'] as const) {
      const session = new Session({ profile });
      const grace = profiles[profile].controllerManager.nodeMonitorGraceMs;
      // A minute first: the controller times silence from when it saw a renewal, and it has just started.
      wait(session, 60);
      runAt(session, 'w2-k8s', 'systemctl stop kubelet');
      const renew = runAt(
        session,
        profiles[profile].master.name,
        "kubectl get lease -n kube-node-lease w2-k8s -o jsonpath='{.spec.renewTime}'",
      ).stdout;
      const renewedAt = Date.parse(renew) - profiles[profile].wallClockEpochMs;
      let notReadyAt: number | undefined;
      while (notReadyAt === undefined && session.now() - renewedAt < 120_000) {
        const line = runAt(
          session,
          profiles[profile].master.name,
          'kubectl get node w2-k8s --no-headers',
        ).stdout;
        if (/NotReady/.test(line)) notReadyAt = session.now();
        else session.advanceTo((session.now() + 100) as SimMs);
      }
      expect(notReadyAt, profile).toBeDefined();
      const silent = (notReadyAt ?? 0) - renewedAt;
      // It sees a renewal at its next look and looks every 5 s (node-monitor-period); each kubectl line here takes a second more.
      expect(silent, profile).toBeGreaterThan(grace);
      expect(silent, profile).toBeLessThanOrEqual(grace + 12_000);
      silence.push(silent);
    }
    // The same lab, the same moments: only the grace period differs (to the polling's second).
    expect(Math.abs((silence[1] ?? 0) - (silence[0] ?? 0) - 10_000)).toBeLessThanOrEqual(1_000);
  });
});
