// Test helper: a node:http stub of the 1.18.4 API server that answers discovery (/api,
// /apis, each group version, /version) and GET /openapi/v2 (openapi.ts), and 404 as 1.18
// does for everything else (/openapi/v3 among them), so a real kubectl can validate and
// explain against the lab's document without a simulated cluster behind it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiGroupList, apiResourceList, apiVersions, versionInfo } from '../discovery';
import { openApiV2 } from '../openapi';

export interface OpenApiStub {
  readonly url: string;
  /** Each request's method, path and Accept header, in order. */
  readonly requests: { method: string; path: string; accept: string }[];
  close(): Promise<void>;
}

const notFound = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'the server could not find the requested resource',
  reason: 'NotFound',
  details: {},
  code: 404,
};

export async function startOpenApiStub(): Promise<OpenApiStub> {
  const requests: OpenApiStub['requests'] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const accept = req.headers.accept ?? '';
    requests.push({ method: req.method ?? 'GET', path, accept });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path === '/openapi/v2') {
      const answer = openApiV2(accept);
      res.writeHead(answer.status, { 'Content-Type': answer.contentType });
      res.end(typeof answer.body === 'string' ? answer.body : Buffer.from(answer.body));
      return;
    }
    if (path === '/version') return json(200, versionInfo);
    if (path === '/api') return json(200, apiVersions());
    if (path === '/apis') return json(200, apiGroupList());
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
    const list = m ? (m[1] ? apiResourceList('', 'v1') : apiResourceList(m[2] ?? '', m[3] ?? '')) : undefined;
    if (list) return json(200, list);
    json(404, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
