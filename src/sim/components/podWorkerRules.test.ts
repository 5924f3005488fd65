import { describe, expect, it } from 'vitest';
import { goDuration } from './podSync';
import type { BackoffEntry } from './podWorkerRules';
import {
  inBackoffSince,
  inBackoffSinceUpdate,
  nextBackoff,
  podPhase,
  pullDecision,
  shouldRestart,
} from './podWorkerRules';

const s = (n: number) => n * 1000;

describe('the crash back-off (flowcontrol.Backoff, 10 s doubling to 300 s)', () => {
  it('doubles on each restart that follows closely, and stops at 5 minutes', () => {
    let e: BackoffEntry | undefined;
    const windows: string[] = [];
    let t = 0;
    for (let i = 0; i < 8; i++) {
      e = nextBackoff(e, t, t);
      windows.push(goDuration(e.backoffMs));
      t += e.backoffMs + s(1);
    }
    expect(windows).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s', '5m0s', '5m0s']);
  });

  it.each([
    // [backoff s, last update s, container finished s, now s, in back-off?]
    [10, 0, 0, 5, true],
    [10, 0, 0, 10, false],
    [40, 100, 100, 139, true],
    [40, 100, 100, 140, false],
    [300, 0, 599, 700, true],
    // left alone for more than twice the maximum: the entry counts as expired
    [300, 0, 601, 700, false],
  ])(
    'backoff %is updated at %is, container finished at %is: at %is in back-off = %s',
    (b, upd, fin, now, want) => {
      expect(inBackoffSince({ backoffMs: s(b), lastUpdate: s(upd) }, s(fin), s(now))).toBe(want);
    },
  );

  it('starts over at 10 s once a container ran 10 minutes after the last restart', () => {
    const e = { backoffMs: s(300), lastUpdate: 0 };
    expect(nextBackoff(e, s(600), s(600)).backoffMs).toBe(s(300));
    expect(nextBackoff(e, s(601), s(601)).backoffMs).toBe(s(10));
  });

  it('times image pulls from the last failed pull', () => {
    const e = { backoffMs: s(20), lastUpdate: s(50) };
    expect(inBackoffSinceUpdate(e, s(69))).toBe(true);
    expect(inBackoffSinceUpdate(e, s(70))).toBe(false);
    expect(inBackoffSinceUpdate(undefined, s(70))).toBe(false);
  });
});

describe('restartPolicy, pull policy and the pod phase', () => {
  it.each([
    ['Always', 0, true],
    ['Always', 1, true],
    ['OnFailure', 0, false],
    ['OnFailure', 2, true],
    ['Never', 0, false],
    ['Never', 1, false],
  ] as const)('%s after exit %i restarts: %s', (policy, code, want) => {
    expect(shouldRestart(policy, code)).toBe(want);
  });

  it.each([
    ['nginx', undefined, true, 'pull'],
    ['nginx:latest', undefined, true, 'pull'],
    ['nginx:1.16.0', undefined, true, 'present'],
    ['nginx:1.16.0', undefined, false, 'pull'],
    ['nginx', 'IfNotPresent', true, 'present'],
    ['nginx:1.16.0', 'Always', true, 'pull'],
    ['nginx', 'Never', false, 'neverPull'],
    ['nginx', 'Never', true, 'present'],
  ] as const)('%s with policy %s, present %s: %s', (image, policy, present, want) => {
    expect(pullDecision({ name: 'c', image, ...(policy ? { imagePullPolicy: policy } : {}) }, present)).toBe(
      want,
    );
  });

  const exit = (exitCode: number) => ({ exitCode, startedAt: 0, finishedAt: 1 });
  it.each([
    ['Always', { running: true, restarted: false }, 'Running'],
    ['Always', { running: false, restarted: false }, 'Pending'],
    ['Always', { running: false, restarted: true }, 'Running'],
    ['Always', { running: false, exited: exit(0), restarted: true }, 'Running'],
    ['Never', { running: false, exited: exit(0), restarted: true }, 'Succeeded'],
    ['Never', { running: false, exited: exit(3), restarted: true }, 'Failed'],
    ['OnFailure', { running: false, exited: exit(0), restarted: true }, 'Succeeded'],
    ['OnFailure', { running: false, exited: exit(1), restarted: true }, 'Running'],
  ] as const)('%s, %j: %s', (policy, c, want) => {
    expect(podPhase(policy, c)).toBe(want);
  });
});
