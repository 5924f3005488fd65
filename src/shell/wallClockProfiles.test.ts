// Issue 18: each profile's lab dates its cluster time 0 in its own era — the book's
// 2020-07-06, the second edition's 2026-05-08 (the day its 1.36.0 lab was tested) — in
// every output that prints the wall clock, as a person reads them.
import { describe, expect, it } from 'vitest';
import type { ProfileId } from '../sim/profiles';
import { profiles } from '../sim/profiles';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const era = {
  '1.18': {
    date: /^Mon Jul {2}6 01:0\d:\d\d UTC 2020$/,
    rfc1123: 'Mon, 06 Jul 2020',
    iso: '2020-07-06T',
    systemd: 'Mon 2020-07-06',
    short: 'Jul 06 ',
    ctime: /on Mon Jul {2}6 01:0\d:\d\d 2020$/,
  },
  '1.36': {
    date: /^Fri May {2}8 01:0\d:\d\d UTC 2026$/,
    rfc1123: 'Fri, 08 May 2026',
    iso: '2026-05-08T',
    systemd: 'Fri 2026-05-08',
    short: 'May 08 ',
    ctime: /on Fri May {2}8 01:0\d:\d\d 2026$/,
  },
} as const;

describe.each(['1.18', '1.36'] as const)('the wall clock under %s', (profile: ProfileId) => {
  it('date, describe, -o yaml, systemctl, journalctl and iptables-save read the profile’s era', () => {
    const s = new Session({ profile });
    const e = era[profile];
    const master = profiles[profile].master.name;
    runAt(s, master, 'kubectl run nginx-pod --image=nginx');
    wait(s, 40);
    expect(runAt(s, master, 'date').text).toMatch(e.date);
    expect(runAt(s, 'w2-k8s', 'date').text).toMatch(e.date);
    expect(runAt(s, master, 'kubectl describe pod nginx-pod').stdout).toMatch(
      new RegExp(`^Start Time: +${e.rfc1123} 01:00:00 \\+0000$`, 'm'),
    );
    expect(runAt(s, master, 'kubectl describe node w2-k8s').stdout).toContain(
      `CreationTimestamp:  ${e.rfc1123}`,
    );
    expect(runAt(s, master, 'kubectl get pod nginx-pod -o yaml').stdout).toContain(
      `creationTimestamp: "${e.iso}01:00:00Z"`,
    );
    expect(
      runAt(s, master, "kubectl get pod nginx-pod -o jsonpath='{.metadata.creationTimestamp}'").stdout,
    ).toBe(`${e.iso}01:00:00Z`);
    expect(runAt(s, 'w2-k8s', 'systemctl status kubelet').stdout).toContain(
      `since ${e.systemd} 00:30:00 UTC;`,
    );
    const journal = runAt(s, 'w2-k8s', 'journalctl -u kubelet -n 1').stdout.split('\n');
    // systemd 219 heads the journal with its span; 252+ prints no header.
    if (profile === '1.18')
      expect(journal[0]).toContain(`-- Logs begin at ${e.systemd} 00:29:44 UTC, end at ${e.systemd} 01:00:`);
    else expect(journal).toHaveLength(1);
    expect(journal.at(-1)?.startsWith(e.short)).toBe(true);
    expect(runAt(s, 'w2-k8s', 'iptables-save -t nat').stdout.split('\n')[0]).toMatch(e.ctime);
  });
});
