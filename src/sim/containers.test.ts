// Containers as processes: what busybox and bad images do on the lab, timed as the
// kubelet 1.18 times them (back-off 10 s doubling to 300 s, requeue 10–15 s).
import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';
import type { Container, Pod } from './objects';
import { advance, createPod, nginxPod, podLine } from './testing/fixtures';

function pod(name: string, container: Partial<Container>, restartPolicy?: Pod['spec']['restartPolicy']): Pod {
  const p = nginxPod(name);
  return {
    ...p,
    spec: {
      ...p.spec,
      containers: [{ name, image: 'busybox', ...container }],
      ...(restartPolicy ? { restartPolicy } : {}),
    },
  };
}

function stored(c: ReturnType<typeof createCluster>, name: string): Pod | undefined {
  return c.objects().find((o): o is Pod => o.kind === 'Pod' && o.metadata.name === name);
}

/** For each restart, the seconds between the previous container's end and the next one's start. */
function restartGaps(c: ReturnType<typeof createCluster>, name: string, seconds: number): number[] {
  const ends = new Map<number, { startedAt: number; finishedAt: number }>();
  for (let t = 0; t < seconds * 2; t++) {
    advance(c, 0.5);
    const st = stored(c, name)?.status.containerStatuses[0];
    const last = st?.lastState;
    if (st && last && 'terminated' in last)
      ends.set(st.restartCount - 1, {
        startedAt: last.terminated.startedAt ?? 0,
        finishedAt: last.terminated.finishedAt,
      });
  }
  const gaps: number[] = [];
  for (let k = 1; ends.has(k); k++) {
    const prev = ends.get(k - 1);
    const cur = ends.get(k);
    if (prev && cur) gaps.push((cur.startedAt - prev.finishedAt) / 1000);
  }
  return gaps;
}

describe('busybox: sh exits at once', () => {
  it('is restarted at once, then after 10, 20, 40, 80, 160 and 300 s (plus the 10–15 s requeue)', () => {
    const c = createCluster();
    createPod(c, pod('busy', {}));
    const gaps = restartGaps(c, 'busy', 1200);
    const windows = [10, 20, 40, 80, 160, 300, 300];
    expect(gaps.length).toBeGreaterThanOrEqual(windows.length);
    windows.forEach((w, i) => {
      expect(gaps[i], `restart ${i + 2}`).toBeGreaterThanOrEqual(w);
      expect(gaps[i], `restart ${i + 2}`).toBeLessThanOrEqual(w + 17);
    });
    const p = stored(c, 'busy');
    expect(p?.status.phase).toBe('Running');
    expect(podLine(c, 'busy')).toMatch(/^(CrashLoopBackOff|Completed) 0\/1 \d+ /);
    // Twenty minutes of cluster time sampled every half second.
  }, 30_000);

  it('says which back-off it waits in', () => {
    const c = createCluster();
    createPod(c, pod('busy', {}));
    advance(c, 40);
    const st = stored(c, 'busy')?.status.containerStatuses[0]?.state;
    expect(st).toEqual({
      waiting: {
        reason: 'CrashLoopBackOff',
        message: expect.stringMatching(
          /^back-off (20|40)s restarting failed container=busy pod=busy_default\(.+\)$/,
        ),
      },
    });
  });

  it('starts over without waiting once a container has run for more than 10 minutes', () => {
    const c = createCluster();
    createPod(c, pod('slow', { command: ['sh', '-c', 'sleep 700; exit 1'] }));
    const gaps = restartGaps(c, 'slow', 2200);
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    for (const g of gaps) expect(g).toBeLessThan(5);
  }, 30_000);

  it('with --restart=Never is Completed, or Error with its exit code, and never restarted', () => {
    const c = createCluster();
    createPod(c, pod('once', {}, 'Never'));
    createPod(c, pod('bye', { command: ['sh', '-c', 'echo bye; exit 3'] }, 'Never'));
    advance(c, 120);
    expect(podLine(c, 'once')).toMatch(/^Completed 0\/1 0 /);
    expect(podLine(c, 'bye')).toMatch(/^Error 0\/1 0 /);
    expect(stored(c, 'once')?.status.phase).toBe('Succeeded');
    expect(stored(c, 'bye')?.status.phase).toBe('Failed');
    expect(stored(c, 'bye')?.status.containerStatuses[0]?.state).toMatchObject({
      terminated: { reason: 'Error', exitCode: 3 },
    });
  });

  it('with OnFailure restarts only a failing command', () => {
    const c = createCluster();
    createPod(c, pod('ok', { args: ['true'] }, 'OnFailure'));
    createPod(c, pod('ko', { args: ['false'] }, 'OnFailure'));
    advance(c, 60);
    expect(podLine(c, 'ok')).toMatch(/^Completed 0\/1 0 /);
    expect(stored(c, 'ko')?.status.containerStatuses[0]?.restartCount).toBeGreaterThanOrEqual(2);
  });

  it('keeps running a command that does not end', () => {
    const c = createCluster();
    createPod(c, pod('sleeper', { args: ['sleep', '3600'] }));
    advance(c, 60);
    expect(podLine(c, 'sleeper')).toMatch(/^Running 1\/1 0 /);
  });
});

describe('images the registry does not have', () => {
  it.each([
    ['nginx:nosuchtag', 'manifest for docker.io/nginx:nosuchtag not found'],
    ['ngnix', 'repository docker.io/ngnix not found: does not exist or no pull access'],
  ])('%s: ErrImagePull, then ImagePullBackOff, never Running', (image, message) => {
    const c = createCluster();
    createPod(c, pod('bad', { image }));
    const seen = new Set<string>();
    for (let t = 0; t < 120; t++) {
      advance(c, 1);
      seen.add(podLine(c, 'bad').split(' ')[0] ?? '');
    }
    expect([...seen].sort()).toEqual(['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff']);
    const events = c
      .objects()
      .filter((o) => o.kind === 'Event' && o.involvedObject.name === 'bad')
      .map((o) => (o.kind === 'Event' ? `${o.reason}: ${o.message}` : ''));
    expect(events).toContain(
      `Failed: Failed to pull image "${image}": rpc error: code = Unknown desc = ${message}`,
    );
    expect(events).toContain('Failed: Error: ErrImagePull');
    expect(events).toContain(`BackOff: Back-off pulling image "${image}"`);
    expect(events).toContain('Failed: Error: ImagePullBackOff');
  });

  it('with imagePullPolicy Never and no image on the node: ErrImageNeverPull', () => {
    const c = createCluster();
    createPod(c, pod('never', { image: 'nginx:1.16.0', imagePullPolicy: 'Never' }));
    advance(c, 20);
    expect(podLine(c, 'never')).toMatch(/^ErrImageNeverPull 0\/1 0 /);
  });

  it('with a tag already on the node: no pull, "already present on machine"', () => {
    const c = createCluster();
    createPod(c, pod('first', { image: 'nginx:1.16.0' }));
    advance(c, 30);
    const second = pod('second', { image: 'nginx:1.16.0' });
    createPod(c, { ...second, spec: { ...second.spec, nodeName: stored(c, 'first')?.spec.nodeName } });
    advance(c, 30);
    const reasons = c
      .objects()
      .filter((o) => o.kind === 'Event' && o.involvedObject.name === 'second')
      .map((o) => (o.kind === 'Event' ? `${o.reason}: ${o.message}` : ''));
    expect(reasons).toContain('Pulled: Container image "nginx:1.16.0" already present on machine');
    expect(reasons.some((r) => r.startsWith('Pulling'))).toBe(false);
    expect(podLine(c, 'second')).toMatch(/^Running 1\/1 0 /);
  });
});
