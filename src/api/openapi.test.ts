// GET /openapi/v2 (openapi.ts): the protobuf decoded back into the JSON document, and real
// kubectl 1.20.2 and the newest kubectl validating `create -f`/`apply -f` and printing
// `explain` from it (served by testing/openapiStub.ts), each output compared whole with
// what the in-page kubectl prints for the same file or command.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../shell/session';
import { typeAndWait } from '../shell/transcript';
import { encodeDocument, openApiDocument, openApiV2, PROTOBUF_MEDIA_TYPE, toYaml } from './openapi';
import type { OpenApiStub } from './testing/openapiStub';
import { startOpenApiStub } from './testing/openapiStub';
import { HOW_TO_GET_120, KUBECTL_120, newestKubectl } from './testing/realKubectl';

// ---- a tiny protobuf decoder: every field as [number, wire value] ----
type Wire = { readonly n: number; readonly v: number | Uint8Array };
function fields(b: Uint8Array): Wire[] {
  const out: Wire[] = [];
  let i = 0;
  const varint = () => {
    let v = 0;
    let mul = 1;
    for (;;) {
      const byte = b[i++] ?? 0;
      v += (byte & 0x7f) * mul;
      mul *= 128;
      if (byte < 0x80) return v;
    }
  };
  while (i < b.length) {
    const key = varint();
    const wire = key % 8;
    if (wire === 0) out.push({ n: Math.floor(key / 8), v: varint() });
    else if (wire === 2) {
      const len = varint();
      out.push({ n: Math.floor(key / 8), v: b.subarray(i, i + len) });
      i += len;
    } else throw new Error(`wire type ${wire} at ${i}`);
  }
  return out;
}
const text = (v: Wire['v']) => new TextDecoder().decode(v as Uint8Array);
const all = (b: Uint8Array, n: number) =>
  fields(b)
    .filter((f) => f.n === n)
    .map((f) => f.v as Uint8Array);
const one = (b: Uint8Array, n: number) => all(b, n)[0];
const str = (b: Uint8Array, n: number) => {
  const v = one(b, n);
  return v === undefined ? undefined : text(v);
};
const named = (b: Uint8Array, n: number, value: (v: Uint8Array) => unknown) =>
  Object.fromEntries(all(b, n).map((e) => [str(e, 1), value(one(e, 2) ?? new Uint8Array())]));

/** gnostic's Schema message back into Swagger JSON (the fields openapi.ts writes). */
function schema(b: Uint8Array): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const s = (key: string, n: number) => {
    const v = str(b, n);
    if (v !== undefined) out[key] = v;
  };
  s('$ref', 1);
  s('format', 2);
  s('description', 4);
  const required = all(b, 19).map(text);
  if (required.length) out.required = required;
  const ap = one(b, 21);
  if (ap) out.additionalProperties = schema(one(ap, 1) ?? new Uint8Array());
  const type = one(b, 22);
  if (type) out.type = str(type, 1);
  const items = one(b, 23);
  if (items) out.items = schema(one(items, 1) ?? new Uint8Array());
  const props = one(b, 25);
  if (props) out.properties = named(props, 1, schema);
  for (const e of all(b, 31)) out[str(e, 1) ?? ''] = str(one(e, 2) ?? new Uint8Array(), 2);
  return out;
}

/** The JSON document with each vendor extension written as the YAML the protobuf carries. */
function withYamlExtensions(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withYamlExtensions);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [k, k.startsWith('x-') ? toYaml(x as never) : withYamlExtensions(x)]),
  );
}

describe('GET /openapi/v2', () => {
  const doc = openApiDocument();
  const pb = encodeDocument(doc);

  it('encodes gnostic openapi_v2.Document: the definitions decode back to the JSON document', () => {
    expect(str(pb, 1)).toBe('2.0');
    expect(str(one(pb, 2) ?? new Uint8Array(), 1)).toBe('Kubernetes');
    expect(str(one(pb, 2) ?? new Uint8Array(), 2)).toBe('v1.18.4');
    const definitions = named(one(pb, 9) ?? new Uint8Array(), 1, schema);
    expect(definitions).toEqual(withYamlExtensions(doc.definitions));
    expect(Object.keys(definitions)).toHaveLength(157);
    const podSpec = definitions['io.k8s.api.core.v1.PodSpec'] as { properties: Record<string, unknown> };
    expect(podSpec.properties.containers).toEqual({
      description:
        'List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated.',
      items: { $ref: '#/definitions/io.k8s.api.core.v1.Container' },
      type: 'array',
      'x-kubernetes-patch-merge-key': 'name\n',
      'x-kubernetes-patch-strategy': 'merge\n',
    });
    expect(
      (definitions['io.k8s.api.core.v1.Pod'] as Record<string, unknown>)['x-kubernetes-group-version-kind'],
    ).toBe('- group: ""\n  kind: Pod\n  version: v1\n');
  });

  it('carries each PATCH operation with its kind and action, and no fieldValidation parameter (1.18 has none)', () => {
    const paths = named(one(pb, 8) ?? new Uint8Array(), 2, (item) => item);
    const deployment = paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'] as Uint8Array;
    const patch = one(deployment, 8) ?? new Uint8Array();
    expect(named(patch, 13, (a) => str(a, 2))).toEqual({
      'x-kubernetes-action': 'patch\n',
      'x-kubernetes-group-version-kind': 'group: apps\nkind: Deployment\nversion: v1\n',
    });
    const queryNames = all(patch, 8).flatMap((p) => {
      const q = one(one(one(p, 1) ?? new Uint8Array(), 2) ?? new Uint8Array(), 3);
      return q ? [str(q, 4)] : [];
    });
    expect(queryNames).toEqual(['dryRun', 'fieldManager', 'force']);
    expect(Object.keys(paths)).toContain('/api/v1/namespaces/{namespace}/pods');
    expect(Object.keys(paths)).not.toContain('/api/v1/componentstatuses/{name}/status');
  });

  it('answers by Accept as kube-openapi does: protobuf, JSON, any, and 406', () => {
    const p = openApiV2(PROTOBUF_MEDIA_TYPE);
    expect([p.status, p.contentType, p.body]).toEqual([200, 'application/octet-stream', pb]);
    const j = openApiV2('application/json');
    expect([j.status, j.contentType]).toEqual([200, 'text/plain; charset=utf-8']);
    expect(JSON.parse(j.body as string)).toEqual(doc);
    expect(openApiV2('').contentType).toBe('text/plain; charset=utf-8');
    expect(openApiV2('text/html;q=0.9, */*;q=0.1').status).toBe(200);
    expect(openApiV2('text/html').status).toBe(406);
  });
});

// ---- real kubectl against the stub ----

const BAD_POD = `apiVersion: v1
kind: Pod
metadata:
  name: bad
spec:
  foo: bar
  containers:
  - name: c
    image: nginx
    ports:
    - containerPort: "x80"
`;
const BAD_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: "2"
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        imagePullPolcy: Always
`;
const BAD_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
    protocl: TCP
`;
const GOOD_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx
`;
// A container without its required name, and a second document with an unknown field.
const TWO = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - image: nginx
---
apiVersion: v1
kind: Service
metadata:
  name: two
spec:
  selectr:
    app: two
  ports:
  - port: 80
`;
// apply: the live Deployment (applied from WEB_APPLIED), and web.yaml changing each kind of list.
const WEB_PATH = '/apis/apps/v1/namespaces/default/deployments/web';
const WEB_APPLIED = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.16',
            ports: [{ containerPort: 80 }, { containerPort: 443 }],
            env: [{ name: 'A', value: '1' }],
          },
          { name: 'side', image: 'busybox', command: ['sleep', '3600'] },
        ],
        volumes: [{ name: 'data', emptyDir: {} }],
      },
    },
  },
};
const WEB_CURRENT = {
  ...WEB_APPLIED,
  metadata: {
    ...WEB_APPLIED.metadata,
    uid: 'u1',
    resourceVersion: '5',
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': `${JSON.stringify(WEB_APPLIED)}\n` },
  },
};
const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: side
        image: busybox
        command: ["sleep", "7200"]
      - name: nginx
        image: nginx:1.19
        ports:
        - containerPort: 8080
        - containerPort: 80
        env:
        - name: B
          value: "2"
      volumes:
      - name: data
        hostPath:
          path: /data
`;
const FILES: Readonly<Record<string, string>> = {
  'web.yaml': WEB,
  'two.yaml': TWO,
  'bad-pod.yaml': BAD_POD,
  'bad-deploy.yaml': BAD_DEPLOYMENT,
  'bad-svc.yaml': BAD_SERVICE,
  'deploy.yaml': GOOD_DEPLOYMENT,
};

/** What the in-page kubectl prints for a line, with the files written in /root. */
function inPage(line: string): string {
  const s = new Session({ seed: 1 });
  const shell = s.shell('m-k8s');
  for (const [name, content] of Object.entries(FILES)) shell.fs.write(`/root/${name}`, content);
  return typeAndWait(s, line).text();
}

const NEWEST = newestKubectl();
const HOW_TO_GET_NEWEST =
  'no versioned kubectl (kubectl.1.NN) beside the kubectl on the PATH: install the Google Cloud SDK kubectl component (gcloud components install kubectl) or set KUBECTL_NEWEST';

describe.each([
  ['kubectl 1.20.2', KUBECTL_120, HOW_TO_GET_120],
  ['the newest kubectl', NEWEST ?? '', HOW_TO_GET_NEWEST],
])('%s against /openapi/v2', (_name, bin, howTo) => {
  let stub: OpenApiStub;
  let dir: string;
  beforeAll(async () => {
    stub = await startOpenApiStub();
    dir = mkdtempSync(join(tmpdir(), 'podscope-openapi-'));
    for (const [name, content] of Object.entries(FILES)) writeFileSync(join(dir, name), content);
    writeFileSync(join(dir, 'kubeconfig'), '');
  });
  afterAll(() => stub.close());

  /** The body of the one PATCH a real kubectl sends to `server` for `line`. */
  const patchOf = async (server: OpenApiStub, line: string): Promise<string> => {
    const printed = await real(line, server);
    expect(printed).toBe('deployment.apps/web configured\n');
    const patches = server.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((p) => [p.path, p.contentType])).toEqual([
      [WEB_PATH, 'application/strategic-merge-patch+json'],
    ]);
    return patches[0]?.body ?? '';
  };

  /** Runs the real kubectl in the files' folder: stdout then stderr, as a terminal shows them when one is empty. */
  const real = (line: string, server: OpenApiStub = stub): Promise<string> => {
    if (!bin || !existsSync(bin)) throw new Error(howTo);
    const args = line.split(' ').slice(1);
    return new Promise((resolve) => {
      execFile(
        bin,
        ['--server', server.url, ...args],
        {
          cwd: dir,
          env: { ...process.env, HOME: dir, KUBECONFIG: join(dir, 'kubeconfig') },
          timeout: 60_000,
        },
        (_error, stdout, stderr) => resolve(`${stdout}${stderr}`),
      );
    });
  };

  it.each([
    'kubectl create --dry-run=client -f bad-pod.yaml -o yaml',
    'kubectl create --dry-run=client -f bad-deploy.yaml -o yaml',
    'kubectl create --dry-run=client -f bad-svc.yaml -o yaml',
    'kubectl apply --dry-run=client -f bad-pod.yaml',
    'kubectl apply --dry-run=client -f bad-deploy.yaml',
    'kubectl create --dry-run=client -f two.yaml',
  ])('validates as the page does: %s', async (line) => {
    const page = inPage(line);
    expect(page).toMatch(/^error: error validating /);
    expect(await real(line)).toBe(`${page}\n`);
  });

  // The page does not simulate `-o yaml` with `create -f --dry-run=client` (it says so).
  it('creates a valid file (dry run) as the page prints it', async () => {
    const line = 'kubectl create --dry-run=client -f deploy.yaml';
    expect(await real(line)).toBe(`${inPage(line)}\n`);
  });

  it.each([
    'kubectl explain pods.spec.containers',
    'kubectl explain deployments.spec.strategy',
    'kubectl explain svc',
    'kubectl explain deploy.spec.template.spec.containers.ports --recursive',
    'kubectl explain leases.spec',
    'kubectl explain no.status.conditions',
    'kubectl explain ep.subsets.ports',
    'kubectl explain pods.spec.contaners',
  ])('explains as the page does: %s', async (line) => {
    expect(await real(line)).toBe(`${inPage(line)}\n`);
  });

  it('apply sends the strategic merge patch kubectl builds from its own Go types (--openapi-patch=false)', async () => {
    const patches: string[] = [];
    for (const openapiPatch of ['true', 'false']) {
      const apply = await startOpenApiStub({ [WEB_PATH]: WEB_CURRENT });
      patches.push(await patchOf(apply, `kubectl apply -f web.yaml --openapi-patch=${openapiPatch}`));
      await apply.close();
    }
    expect(patches[0]).toContain('"$setElementOrder/containers":[{"name":"side"},{"name":"nginx"}]');
    expect(patches[0]).toContain('"$retainKeys":["hostPath","name"]');
    expect(patches[0]).toBe(patches[1]);
    // Without the document's patch strategies, kubectl replaces the lists whole: it reads them from the document.
    const bare = await startOpenApiStub({ [WEB_PATH]: WEB_CURRENT }, (doc) =>
      JSON.parse(JSON.stringify(doc).replace(/,"x-kubernetes-patch-(strategy|merge-key)":"[^"]*"/g, '')),
    );
    const replaced = await patchOf(bare, 'kubectl apply -f web.yaml');
    await bare.close();
    expect(replaced).not.toContain('$setElementOrder');
  });

  it('reads the document as protobuf; 1.27+ ask for /openapi/v3 first and fall back on its 404', async () => {
    stub.requests.length = 0;
    await real('kubectl explain pods.spec');
    const openapi = stub.requests.filter((r) => r.path.startsWith('/openapi'));
    expect(openapi.find((r) => r.path === '/openapi/v2')?.accept).toMatch(PROTOBUF_MEDIA_TYPE);
    if (bin === KUBECTL_120) expect(openapi.map((r) => r.path)).toEqual(['/openapi/v2']);
    // 1.29+ ask v3 first, 1.27 and 1.28 after v2 (facts §22): one of each either way.
    else expect(openapi.map((r) => r.path).sort()).toEqual(['/openapi/v2', '/openapi/v3']);
  });
});
