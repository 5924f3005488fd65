// A small API server for tests that run the real kubectl: it answers discovery for one
// resource (/api, /apis, its group-version's APIResourceList, as a 1.18 server words
// them) and hands every GET of that resource's list path to the test. Loopback only,
// port 0. Not the lab's API server (src/api/server.ts): just enough for `kubectl get`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Resource } from '../../sim/objects';
import { kindOf } from '../../sim/resourceKinds';
import type { JsonObject } from '../tables';

export interface StubRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly accept: string;
}

/** A watch's answer: these events, one JSON object a line (chunked), then the stream ends. */
export interface StubStream {
  readonly events: readonly JsonObject[];
}

export interface TableStub {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** Every request the stub saw, discovery included, in order. */
  readonly requests: StubRequest[];
  close(): Promise<void>;
}

const verbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function resourceEntry(resource: Resource): JsonObject {
  const k = kindOf(resource);
  return {
    name: k.resource,
    singularName: '',
    namespaced: k.namespaced,
    kind: k.kind,
    verbs: resource === 'componentstatuses' ? ['get', 'list'] : verbs,
    ...(k.shortNames.length > 0 ? { shortNames: [...k.shortNames] } : {}),
  };
}

/** /api, /apis and each group-version's APIResourceList, holding only `resources`. */
function discovery(resources: readonly Resource[]): Record<string, JsonObject> {
  const byGv = new Map<string, Resource[]>([['v1', []]]);
  for (const r of resources) {
    const k = kindOf(r);
    const gv = k.group ? `${k.group}/${k.version}` : k.version;
    byGv.set(gv, [...(byGv.get(gv) ?? []), r]);
  }
  const docs: Record<string, JsonObject> = {
    '/api': {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }],
    },
  };
  const groups: JsonObject[] = [];
  for (const [gv, rs] of byGv) {
    docs[gv === 'v1' ? '/api/v1' : `/apis/${gv}`] = {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: gv,
      resources: rs.map(resourceEntry),
    };
    const [group, version] = gv.split('/');
    if (version)
      groups.push({
        name: group ?? '',
        versions: [{ groupVersion: gv, version }],
        preferredVersion: { groupVersion: gv, version },
      });
  }
  docs['/apis'] = { kind: 'APIGroupList', apiVersion: 'v1', groups };
  return docs;
}

function send(res: ServerResponse, code: number, body: JsonObject): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Starts the stub for one resource or several. `answer` gets every GET of their list paths
 * (any namespace, or none for -A; `?watch=true` too), with the resource asked for, and
 * returns the body to send (200, application/json) or a watch's events.
 */
export function startTableStub(
  resources: Resource | readonly Resource[],
  answer: (req: StubRequest, resource: Resource) => JsonObject | StubStream,
): Promise<TableStub> {
  const served: readonly Resource[] = typeof resources === 'string' ? [resources] : resources;
  const docs = discovery(served);
  const paths = served.map((r) => {
    const k = kindOf(r);
    const root = k.group ? `/apis/${k.group}/${k.version}` : '/api/v1';
    return { resource: r, re: new RegExp(`^${root}(/namespaces/[^/]+)?/${k.resource}$`) };
  });
  const requests: StubRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const seen: StubRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      accept: String(req.headers.accept ?? ''),
    };
    requests.push(seen);
    const doc = docs[url.pathname];
    if (seen.method === 'GET' && doc) return send(res, 200, doc);
    const list = paths.find((p) => p.re.test(url.pathname));
    if (seen.method === 'GET' && list) {
      const a = answer(seen, list.resource);
      if (!('events' in a)) return send(res, 200, a as JsonObject);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
      for (const e of (a as unknown as StubStream).events) res.write(`${JSON.stringify(e)}\n`);
      return res.end();
    }
    send(res, 404, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      details: {},
      code: 404,
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
