// The real kubectl 1.20.2 (facts §20), given toTable's answer by a stub API server
// (src/api/testing/tableStub.ts), prints byte for byte what the in-page kubectl prints
// for the same cluster state. Without /tmp/kc/usr/bin/kubectl these tests fail, saying
// how to install it.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sortForList } from '../shell/kubectl/printers';
import { runAt, wait } from '../shell/testing/drive';
import { createPod, nginxPod } from '../sim/testing/fixtures';
import type { JsonObject } from './tables';
import { tableWatch, toTable } from './tables';
import type { Get } from './testing/labTables';
import {
  commandOf,
  everyResource,
  getBoth,
  labWithPods,
  recordingSession,
  variants,
} from './testing/labTables';
import { startTableStub } from './testing/tableStub';

const KUBECTL = '/tmp/kc/usr/bin/kubectl';
const INSTALL = `the real kubectl 1.20.2 is not at ${KUBECTL}: install it with
  apt-get update && apt-get download kubernetes-client && dpkg -x kubernetes-client_*.deb /tmp/kc
(Debian 12's kubernetes-client is kubectl 1.20.2; CI's .ci/run does this).`;

const run = promisify(execFile);
/** The terminal ends the last line itself; a program's stream ends with its newline. */
const lines = (text: string) => (text === '' ? '' : `${text}\n`);
const home = mkdtempSync(join(tmpdir(), 'podscope-kubectl-'));
// An empty kubeconfig, so that client-go warns of none; --server says where to go.
writeFileSync(join(home, 'config'), 'apiVersion: v1\nkind: Config\n');

async function realKubectl(
  g: Get,
  table: JsonObject,
): Promise<{ stdout: string; stderr: string; accept: string; path: string }> {
  const stub = await startTableStub(g.resource, () => table);
  try {
    const args = ['--server', stub.url, ...commandOf(g).split(' ').slice(1)];
    const { stdout, stderr } = await run(KUBECTL, args, {
      env: { HOME: home, KUBECONFIG: join(home, 'config'), PATH: process.env.PATH ?? '' },
      timeout: 20_000,
    });
    const list = stub.requests.find((r) => r.path.endsWith(`/${g.resource}`));
    return { stdout, stderr, accept: list?.accept ?? '', path: list ? `${list.path}?${list.query}` : '' };
  } finally {
    await stub.close();
  }
}

describe('the real kubectl 1.20.2 prints toTable as the in-page kubectl does', () => {
  it('is installed where the tests look for it', () => {
    if (!existsSync(KUBECTL)) throw new Error(INSTALL);
  });

  it('get pods, -o wide, -A, --show-labels, -L: the whole stdout', { timeout: 120_000 }, async () => {
    if (!existsSync(KUBECTL)) throw new Error(INSTALL);
    const { s, seen } = labWithPods();
    const gets: Get[] = [
      { resource: 'pods' },
      { resource: 'pods', wide: true },
      { resource: 'pods', all: true },
      { resource: 'pods', all: true, wide: true },
      { resource: 'pods', showLabels: true },
      { resource: 'pods', labelColumns: ['app'] },
    ];
    for (const g of gets) {
      const { inPage, stderr, table } = getBoth(s, seen, g);
      const real = await realKubectl(g, table);
      expect(real.accept).toBe(
        'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
      );
      expect(real.path).toBe(g.all ? '/api/v1/pods?limit=500' : '/api/v1/namespaces/default/pods?limit=500');
      expect(real.stderr, commandOf(g)).toBe(lines(stderr));
      expect(real.stdout, commandOf(g)).toBe(lines(inPage));
    }
  });

  it('every other resource, plain and -o wide', { timeout: 300_000 }, async () => {
    if (!existsSync(KUBECTL)) throw new Error(INSTALL);
    const { s, seen } = labWithPods();
    for (const g of everyResource.filter((x) => x.resource !== 'pods').flatMap(variants)) {
      const { inPage, stderr, table } = getBoth(s, seen, g);
      const real = await realKubectl(g, table);
      expect(real.stderr, commandOf(g)).toBe(lines(stderr));
      expect(real.stdout, commandOf(g)).toBe(lines(inPage));
    }
  });
});

describe('the real kubectl 1.20.2 on several kinds at once', () => {
  it('kubectl get deployments,replicasets,services[,pods] [-o wide]: kind/name, a blank line between', {
    timeout: 60_000,
  }, async () => {
    if (!existsSync(KUBECTL)) throw new Error(INSTALL);
    const { s, seen } = labWithPods();
    for (const [what, wide] of [
      ['deployments,replicasets,services', true],
      ['pods,services', false],
    ] as const) {
      seen.length = 0;
      const line = `kubectl get ${what}${wide ? ' -o wide' : ''}`;
      const inPage = runAt(s, 'm-k8s', line).stdout;
      const answers = new Map(seen.map((x) => [x.req.resource, x]));
      const stub = await startTableStub([...answers.keys()], (_req, resource) => {
        const a = answers.get(resource);
        if (!a) throw new Error(`no answer for ${resource}`);
        return toTable(resource, sortForList(a.items), { now: a.at, resourceVersion: '1' });
      });
      try {
        const real = await run(KUBECTL, ['--server', stub.url, ...line.split(' ').slice(1)], {
          env: { HOME: home, KUBECONFIG: join(home, 'config'), PATH: process.env.PATH ?? '' },
          timeout: 20_000,
        });
        expect(real.stderr, line).toBe('');
        expect(real.stdout, line).toBe(lines(inPage));
      } finally {
        await stub.close();
      }
    }
  });
});

describe('the real kubectl 1.20.2 sorting a Table (--sort-by asks for includeObject=Object)', () => {
  it('sorts the rows by the objects the Table carries, as the in-page kubectl sorts', {
    timeout: 60_000,
  }, async () => {
    if (!existsSync(KUBECTL)) throw new Error(INSTALL);
    const { s, seen } = labWithPods();
    // kubectl sorts with Go's sort.Sort, not stable: past 12 rows (pdqsort's insertion-sort
    // cutoff) ties come out in an order of its own. So: keys without ties, or few rows.
    for (const [by, all] of [
      ['.metadata.name', true],
      ['{.metadata.uid}', true],
      ['.metadata.creationTimestamp', false],
      ['.status.podIP', false],
    ] as const) {
      seen.length = 0;
      const flags = `${all ? '-A ' : ''}--sort-by=${by}`;
      const inPage = runAt(s, 'm-k8s', `kubectl get pods ${flags}`).stdout;
      const answer = seen[0];
      if (!answer) throw new Error('no list');
      let include: string | null = null;
      const stub = await startTableStub('pods', (req) => {
        include = req.query.get('includeObject');
        return toTable('pods', sortForList(answer.items), {
          now: answer.at,
          resourceVersion: '1',
          includeObject: include === 'Object' ? 'Object' : 'Metadata',
        });
      });
      try {
        const real = await run(KUBECTL, ['--server', stub.url, 'get', 'pods', ...flags.split(' ')], {
          env: { HOME: home, KUBECONFIG: join(home, 'config'), PATH: process.env.PATH ?? '' },
          timeout: 20_000,
        });
        expect(include).toBe('Object');
        expect(real.stderr, by).toBe('');
        expect(real.stdout, by).toBe(lines(inPage));
      } finally {
        await stub.close();
      }
    }
  });
});

describe('the real kubectl 1.20.2 on a watch of Tables (kubectl get pods -w)', () => {
  it('prints the list, then a row per event, headers once, as the in-page kubectl does', {
    timeout: 60_000,
  }, async () => {
    if (!existsSync(KUBECTL)) throw new Error(INSTALL);
    const { s, watches } = recordingSession();
    const job = s.run('m-k8s', 'kubectl get pods -w');
    wait(s, 2);
    createPod(s.cluster, nginxPod('web'));
    wait(s, 30);
    s.interrupt('m-k8s');
    wait(s, 1);
    // The terminal echoes the Ctrl+C as `^C`; the real kubectl here ends with its stream instead.
    const inPage = job.output
      .filter((l) => l.stream === 'stdout' && l.text !== '^C')
      .map((l) => l.text)
      .join('\n');
    const w = watches[0];
    if (!w?.start) throw new Error('the watch did not start');
    const start = w.start;
    expect(w.events.length).toBeGreaterThan(3);
    const list = toTable('pods', sortForList(start.items), { now: start.at, resourceVersion: '100' });
    const tw = tableWatch('pods');
    const events = w.events.map((e) => tw.event(e.type, e.object, e.at));
    // The stream's first Table carries the columns, the others none.
    expect(events.map((e) => (e.object as JsonObject).columnDefinitions === null)).toEqual(
      events.map((_, i) => i > 0),
    );
    const stub = await startTableStub('pods', (req) =>
      req.query.get('watch') === 'true' ? { events } : list,
    );
    try {
      const real = await run(KUBECTL, ['--server', stub.url, 'get', 'pods', '-w'], {
        env: { HOME: home, KUBECONFIG: join(home, 'config'), PATH: process.env.PATH ?? '' },
        timeout: 20_000,
      }).catch((e: { stdout: string; stderr: string; code: number }) => e);
      const watchReq = stub.requests.find((r) => r.query.get('watch') === 'true');
      expect(watchReq?.accept).toContain('as=Table;v=v1;g=meta.k8s.io');
      expect(watchReq?.query.get('resourceVersion')).toBe('100');
      expect(real.stdout).toBe(`${inPage}\n`);
      // The stream ended: kubectl returns quietly, exit 0 (facts §9).
      expect(real.stderr).toBe('');
      expect((real as { code?: number }).code).toBeUndefined();
    } finally {
      await stub.close();
    }
  });
});
