// Test helper: a node:http stub of the 1.18.4 API server that answers discovery (/api,
// /apis, each group version, /version) and GET /openapi/v2 (openapi.ts), and 404 as 1.18
// does for everything else (/openapi/v3 among them), so a real kubectl can validate and
// explain against the lab's document without a simulated cluster behind it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiGroupList, apiResourceList, apiVersions, versionInfo } from '../discovery';
import { encodeDocument, openApiDocument, openApiV2 } from '../openapi';

export interface OpenApiStub {
  readonly url: string;
  /** Each request's method, path, Accept header and (for a write) Content-Type and body, in order. */
  readonly requests: { method: string; path: string; accept: string; contentType?: string; body?: string }[];
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

/**
 * `objects`: objects by their path (`/apis/apps/v1/namespaces/default/deployments/web`),
 * answered to GET and, unchanged, to PATCH, so `kubectl apply` sends its patch here.
 * `document`: another document to serve as the protobuf, in place of the lab's.
 */
export async function startOpenApiStub(
  objects: Readonly<Record<string, object>> = {},
  document?: (doc: ReturnType<typeof openApiDocument>) => ReturnType<typeof openApiDocument>,
): Promise<OpenApiStub> {
  const altered = document ? encodeDocument(document(structuredClone(openApiDocument()))) : undefined;
  const requests: OpenApiStub['requests'] = [];
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const accept = req.headers.accept ?? '';
    const method = req.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    requests.push({
      method,
      path,
      accept,
      ...(chunks.length > 0
        ? { contentType: req.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString('utf8') }
        : {}),
    });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path === '/openapi/v2') {
      const answer = altered
        ? { status: 200, contentType: 'application/octet-stream', body: altered }
        : openApiV2(accept);
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
    const object = objects[path];
    if (object && (method === 'GET' || method === 'PATCH')) return json(200, object);
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
