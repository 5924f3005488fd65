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

function discovery(resource: Resource): Record<string, JsonObject> {
  const k = kindOf(resource);
  const gv = k.group ? `${k.group}/${k.version}` : k.version;
  const list: JsonObject = {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: gv,
    resources: [
      {
        name: k.resource,
        singularName: '',
        namespaced: k.namespaced,
        kind: k.kind,
        verbs: resource === 'componentstatuses' ? ['get', 'list'] : verbs,
        ...(k.shortNames.length > 0 ? { shortNames: [...k.shortNames] } : {}),
      },
    ],
  };
  const groups: JsonObject[] = k.group
    ? [
        {
          name: k.group,
          versions: [{ groupVersion: gv, version: k.version }],
          preferredVersion: { groupVersion: gv, version: k.version },
        },
      ]
    : [];
  return {
    '/api': {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }],
    },
    '/apis': { kind: 'APIGroupList', apiVersion: 'v1', groups },
    [k.group ? `/apis/${gv}` : '/api/v1']: list,
    ...(k.group
      ? { '/api/v1': { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'v1', resources: [] } }
      : {}),
  };
}

function send(res: ServerResponse, code: number, body: JsonObject): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Starts the stub. `answer` gets every GET of `resource`'s list path (any namespace, or
 * none for -A) and returns the body to send, 200, application/json.
 */
export function startTableStub(
  resource: Resource,
  answer: (req: StubRequest) => JsonObject,
): Promise<TableStub> {
  const docs = discovery(resource);
  const k = kindOf(resource);
  const root = k.group ? `/apis/${k.group}/${k.version}` : '/api/v1';
  const listPath = new RegExp(`^${root}(/namespaces/[^/]+)?/${k.resource}$`);
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
    if (seen.method === 'GET' && listPath.test(url.pathname)) {
      const a = answer(seen);
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
