// Server-side printing (facts §20): the Table toTable answers, printed the way kubectl
// 1.20 prints a server's Table (renderTable), is the in-page kubectl's output, whole, for
// every resource the lab serves, in the ready lab and with pods in several states (one
// truth for both); the Table's own fields; serve() with tablePrinter. The real kubectl's
// check is tablesKubectl.test.ts.
import { describe, expect, it } from 'vitest';
import { printTable, sortForList } from '../shell/kubectl/printers';
import { Session } from '../shell/session';
import { runAt, wait } from '../shell/testing/drive';
import { LAB_EPOCH_MS } from '../shell/wallClock';
import { resourceKinds } from '../sim/resourceKinds';
import { columnDocs } from './columnDocs';
import type { Reply } from './http';
import { renderTable } from './renderTable';
import type { ApiLab } from './rest';
import { serve } from './rest';
import type { JsonObject } from './tables';
import { columnDefinitions, tableOptionsError, tablePrinter, tableWatch, toTable } from './tables';
import type { Get } from './testing/labTables';
import {
  commandOf,
  everyResource,
  getBoth,
  labWithPods,
  recordingSession,
  rendered,
  variants,
} from './testing/labTables';

describe('toTable printed as kubectl prints a server Table is the in-page kubectl output', () => {
  it('covers every resource the lab serves', () => {
    const asked = new Set(everyResource.map((g) => g.resource));
    expect(resourceKinds.map((k) => k.resource).filter((r) => !asked.has(r))).toEqual([]);
  });

  it('in the ready lab: every resource, plain and -o wide', () => {
    const { s, seen } = recordingSession();
    for (const g of everyResource.flatMap(variants)) {
      const { inPage, table } = getBoth(s, seen, g);
      expect(rendered(g, table), commandOf(g)).toBe(inPage);
    }
  });

  it('with pods Running, ContainerCreating, ErrImagePull, CrashLoopBackOff, Completed and Error', () => {
    const { s, seen } = labWithPods();
    const { inPage } = getBoth(s, seen, { resource: 'pods' });
    const statuses = inPage
      .split('\n')
      .slice(1)
      .map((l) => l.split(/\s+/)[2]);
    expect(new Set(statuses)).toEqual(
      new Set(['ErrImagePull', 'CrashLoopBackOff', 'Error', 'ContainerCreating', 'Completed', 'Running']),
    );
    const gets: Get[] = [
      ...everyResource,
      { resource: 'pods', showLabels: true },
      { resource: 'pods', labelColumns: ['app', 'run'] },
      { resource: 'deployments', showLabels: true, all: true },
    ];
    for (const g of gets.flatMap(variants)) {
      const { inPage: text, table } = getBoth(s, seen, g);
      expect(rendered(g, table), commandOf(g)).toBe(text);
    }
  });
});

describe('several kinds at once: a table per kind, names as kind/name (decorateTable WithKind)', () => {
  it('kubectl get deployments,replicasets,services -o wide', () => {
    const { s, seen } = labWithPods();
    seen.length = 0;
    const inPage = runAt(s, 'm-k8s', 'kubectl get deployments,replicasets,services -o wide').stdout;
    const kinds: Record<string, string> = {
      deployments: 'deployment.apps',
      replicasets: 'replicaset.apps',
      services: 'service',
    };
    const blocks = seen.map((x) =>
      renderTable(toTable(x.req.resource, sortForList(x.items), { now: x.at, resourceVersion: '1' }), {
        wide: true,
        kind: kinds[x.req.resource],
      }),
    );
    expect(blocks.length).toBe(3);
    expect(blocks.join('\n\n')).toBe(inPage);
  });
});

describe('the Table itself (1.18.4 printers.go, response.go asTable)', () => {
  it('declares the columns with their types, formats, priorities and swagger descriptions', () => {
    const pods = columnDefinitions('pods');
    expect(pods.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ['Name', 'string', 'name', 0],
      ['Ready', 'string', '', 0],
      ['Status', 'string', '', 0],
      ['Restarts', 'integer', '', 0],
      ['Age', 'string', '', 0],
      ['IP', 'string', '', 1],
      ['Node', 'string', '', 1],
      ['Nominated Node', 'string', '', 1],
      ['Readiness Gates', 'string', '', 1],
    ]);
    expect(pods[5]?.description).toBe(
      'IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
    );
    expect(columnDefinitions('events').map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Last Seen:0',
      'Type:0',
      'Reason:0',
      'Object:0',
      'Subobject:1',
      'Source:1',
      'Message:0',
      'First Seen:1',
      'Count:1',
      'Name:1',
    ]);
    // Every column has its description entry, and no entry names a column that is not there.
    for (const k of resourceKinds) {
      const names = columnDefinitions(k.resource).map((c) => c.name as string);
      expect(Object.keys(columnDocs[k.resource]).sort(), k.resource).toEqual([...names].sort());
    }
  });

  it('types cells as the server does, marks finished pods, and carries the object as asked', () => {
    const { s, seen } = labWithPods();
    runAt(s, 'm-k8s', 'kubectl get pods');
    const items = sortForList(seen.find((x) => x.req.resource === 'pods')?.items ?? []);
    const at = seen[0]?.at ?? 0;
    const table = toTable('pods', items, {
      now: at,
      resourceVersion: '777',
      selfLink: '/api/v1/namespaces/default/pods',
    });
    expect(Object.keys(table)).toEqual(['kind', 'apiVersion', 'metadata', 'columnDefinitions', 'rows']);
    expect(table.metadata).toEqual({ selfLink: '/api/v1/namespaces/default/pods', resourceVersion: '777' });
    const rows = table.rows as JsonObject[];
    const byName = (n: string) => rows.find((r) => (r.cells as unknown[])[0] === n) as JsonObject;
    const busy = byName('busy').cells as unknown[];
    expect(busy.slice(1, 4)).toEqual(['0/1', 'CrashLoopBackOff', expect.any(Number)]);
    expect(byName('once').conditions).toEqual([
      {
        type: 'Completed',
        status: 'True',
        reason: 'Succeeded',
        message: 'The pod has completed successfully.',
      },
    ]);
    expect(byName('fail').conditions).toEqual([
      { type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' },
    ]);
    expect(byName('busy').conditions).toBeUndefined();
    const meta = byName('busy').object as JsonObject;
    expect(meta.kind).toBe('PartialObjectMetadata');
    expect(meta.apiVersion).toBe('meta.k8s.io/v1');
    expect(Object.keys(meta)).toEqual(['kind', 'apiVersion', 'metadata']);
    expect((meta.metadata as JsonObject).selfLink).toBe('/api/v1/namespaces/default/pods/busy');
    const whole = toTable('pods', items, { now: at, resourceVersion: '777', includeObject: 'Object' });
    const obj = (whole.rows as JsonObject[])[0]?.object as JsonObject;
    expect([obj.kind, obj.apiVersion, typeof obj.spec, typeof obj.status]).toEqual([
      'Pod',
      'v1',
      'object',
      'object',
    ]);
    expect(tableOptionsError('Object')).toBeUndefined();
    expect(tableOptionsError('')).toBeUndefined();
    expect(tableOptionsError('All')).toBe(
      `Unable to convert to Table as requested: includeObject: Invalid value: "All": must be 'Metadata', 'Object', 'None', or empty`,
    );
    const bare = toTable('pods', items, { now: at, resourceVersion: '777', includeObject: 'None' });
    expect((bare.rows as JsonObject[]).map((r) => r.object)).toEqual(items.map(() => null));
    // ?noHeaders=true, and an empty list: rows [] (setObjectSelfLink makes an empty list's items []).
    expect(toTable('pods', [], { now: at, resourceVersion: '9', noHeaders: true })).toEqual({
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: '9' },
      columnDefinitions: null,
      rows: [],
    });
    const rs = toTable('replicasets', [], { now: at, resourceVersion: '1' });
    expect((rs.columnDefinitions as JsonObject[]).map((c) => c.type)).toEqual([
      'string',
      'integer',
      'integer',
      'integer',
      'string',
      'string',
      'string',
      'string',
    ]);
  });

  it('on a watch only the first event carries columnDefinitions (serveWatch Fixup sets NoHeaders)', () => {
    const { s, seen } = labWithPods();
    runAt(s, 'm-k8s', 'kubectl get pods');
    const [a, b] = sortForList(seen[0]?.items ?? []);
    if (!a || !b) throw new Error('two pods expected');
    const w = tableWatch('pods');
    const first = w.event('ADDED', a, 0);
    const second = w.event('MODIFIED', b, 0);
    expect(first.type).toBe('ADDED');
    const t1 = first.object as JsonObject;
    const t2 = second.object as JsonObject;
    expect(t1.columnDefinitions).toEqual(columnDefinitions('pods'));
    expect(t2.columnDefinitions).toBeNull();
    expect(t1.metadata).toEqual({
      selfLink: `/api/v1/namespaces/default/pods/${a.metadata.name}`,
      resourceVersion: String(a.metadata.resourceVersion),
    });
    expect((t2.rows as JsonObject[]).length).toBe(1);
    expect(w.error({ kind: 'Status', code: 410 })).toEqual({
      type: 'ERROR',
      object: { kind: 'Status', code: 410 },
    });
    expect(tableWatch('pods', { noHeaders: true }).event('ADDED', a, 0).object).toMatchObject({
      columnDefinitions: null,
    });
  });
});

// ——— through rest.ts's serve(), as `npm run api` answers kubectl ———

describe('serve() with tablePrinter answers kubectl get as the in-page kubectl prints it', () => {
  const accept =
    'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
  const ask = (s: Session, path: string, query = ''): Reply => {
    const lab: ApiLab = {
      cluster: s.cluster,
      after: (ms, fn) => s.after(ms, fn),
      epochMs: LAB_EPOCH_MS,
      from: 'm-k8s',
    };
    let answer: Reply | undefined;
    serve(
      lab,
      { method: 'GET', path, query, headers: { accept }, body: '' },
      (r) => (answer = r),
      tablePrinter,
    );
    for (let i = 0; i < 100 && !answer; i++) wait(s, 0.1);
    if (!answer) throw new Error(`no answer to ${path}`);
    return answer;
  };
  const body = (r: Reply): JsonObject => {
    if (!('answer' in r)) throw new Error('not an answer');
    return JSON.parse(String(r.answer.body)) as JsonObject;
  };

  it('a list, -A, and one pod by name', () => {
    const { s, seen } = labWithPods();
    for (const [path, wide, all] of [
      ['/api/v1/namespaces/default/pods', false, false],
      ['/api/v1/pods', true, true],
      ['/api/v1/events', true, true],
      ['/apis/apps/v1/namespaces/default/deployments', true, false],
    ] as const) {
      seen.length = 0;
      const table = body(ask(s, path, 'limit=500'));
      const answer = seen[0];
      if (!answer) throw new Error('no list');
      const resource = answer.req.resource;
      expect(renderTable(table, { wide, withNamespace: all }), path).toBe(
        printTable(resource, sortForList(answer.items), { now: answer.at, wide, withNamespace: all }),
      );
    }
    const one = body(ask(s, '/api/v1/namespaces/default/pods/busy'));
    expect((one.rows as JsonObject[]).map((r) => (r.cells as unknown[])[0])).toEqual(['busy']);
    expect((one.columnDefinitions as JsonObject[]).length).toBe(9);
  });

  it('under the 1.36 profile: RESTARTS a string column as printers.go has it since 1.22, no selfLink (1.24)', () => {
    const s = new Session({ profile: '1.36' });
    runAt(s, 'cp-k8s', 'kubectl run nginx-pod --image=nginx');
    wait(s, 30);
    const lab: ApiLab = {
      cluster: s.cluster,
      after: (ms, fn) => s.after(ms, fn),
      epochMs: LAB_EPOCH_MS,
      from: 'cp-k8s',
    };
    const get = (path: string, headers: Record<string, string> = { accept }): JsonObject => {
      let answer: Reply | undefined;
      serve(lab, { method: 'GET', path, query: '', headers, body: '' }, (r) => (answer = r), tablePrinter);
      for (let i = 0; i < 100 && !answer; i++) wait(s, 0.1);
      if (!answer) throw new Error(`no answer to ${path}`);
      return body(answer);
    };
    const table = get('/api/v1/namespaces/default/pods');
    expect((table.columnDefinitions as JsonObject[])[3]).toEqual({
      name: 'Restarts',
      type: 'string',
      format: '',
      description:
        'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
      priority: 0,
    });
    const row = (table.rows as JsonObject[])[0] as JsonObject;
    expect((row.cells as unknown[]).slice(0, 4)).toEqual(['nginx-pod', '1/1', 'Running', '0']);
    expect(table.metadata).not.toHaveProperty('selfLink');
    expect((row.object as JsonObject).metadata).not.toHaveProperty('selfLink');
    const plain = get('/api/v1/namespaces/default/pods/nginx-pod', { accept: 'application/json' });
    expect(plain.metadata).not.toHaveProperty('selfLink');
    expect(
      get('/api/v1/namespaces/default/pods', { accept: 'application/json' }).metadata,
    ).not.toHaveProperty('selfLink');
    expect(get('/version', {})).toMatchObject({ major: '1', minor: '36', gitVersion: 'v1.36.0' });
    // The book's 1.18 server keeps both, as before.
    const { s: old } = labWithPods();
    const oldLab: ApiLab = {
      ...lab,
      cluster: old.cluster,
      after: (ms, fn) => old.after(ms, fn),
      from: 'm-k8s',
    };
    let answer: Reply | undefined;
    serve(
      oldLab,
      { method: 'GET', path: '/api/v1/nodes/w1-k8s', query: '', headers: {}, body: '' },
      (r) => (answer = r),
    );
    for (let i = 0; i < 100 && !answer; i++) wait(old, 0.1);
    expect((body(answer as Reply).metadata as JsonObject).selfLink).toBe('/api/v1/nodes/w1-k8s');
  });
});
