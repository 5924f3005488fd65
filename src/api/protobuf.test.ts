// Protobuf request bodies: what kubectl 1.33's typed clients really send (captured here
// from the binary, through a recording proxy in front of the served lab), decoded, must be
// the very JSON kubectl 1.20.2 sends for the same command (it speaks JSON only); and the
// lab must take them (kubectl 1.33 prints what 1.20.2 prints). Malformed bodies are
// { ok: false } with the serializer's message, never a throw.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeProtobufBody } from './protobuf';
import type { LabServer } from './testing/realKubectl';
import { HOW_TO_GET_120, KUBECTL_120, newestKubectl, startLab } from './testing/realKubectl';

interface Sent {
  readonly method: string;
  readonly path: string;
  readonly type: string;
  readonly body: Buffer;
}

/** A plain-HTTP proxy in front of a lab's port that keeps every request body sent. */
async function recorder(
  lab: LabServer,
): Promise<{ kubeconfig: string; sent: Sent[]; close(): Promise<void> }> {
  const sent: Sent[] = [];
  const token = /token: (\S+)/.exec(readFileSync(lab.kubeconfig, 'utf8'))?.[1] ?? '';
  const proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (body.length > 0)
        sent.push({
          method: req.method ?? '',
          path: (req.url ?? '').split('?')[0] ?? '',
          type: req.headers['content-type'] ?? '',
          body,
        });
      const up = http.request(
        {
          host: '127.0.0.1',
          port: lab.server.port,
          method: req.method,
          path: req.url,
          // kubectl sends no bearer token over plain HTTP; the proxy adds the lab's.
          headers: { ...req.headers, authorization: `Bearer ${token}` },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      up.on('error', () => res.destroy());
      up.end(body);
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const port = (proxy.address() as AddressInfo).port;
  const kubeconfig = join(lab.kubeconfig, '..', 'kubeconfig-recorded');
  writeFileSync(
    kubeconfig,
    `apiVersion: v1
kind: Config
clusters: [{name: rec, cluster: {server: "http://127.0.0.1:${port}"}}]
users: [{name: rec, user: {}}]
contexts: [{name: rec, context: {cluster: rec, user: rec}}]
current-context: rec
`,
  );
  return {
    kubeconfig,
    sent,
    close: () =>
      new Promise((r) => {
        proxy.closeAllConnections();
        proxy.close(() => r());
      }),
  };
}

const newest = newestKubectl();

/**
 * Commands whose body kubectl 1.33 sends as protobuf (typed clients), on kinds the lab models;
 * the second dpy-nginx and x are the lab's AlreadyExists. (run, scale, expose, cordon, drain's
 * evictions and delete send JSON from 1.33 too: seen through this recorder.)
 */
const commands = [
  'create deployment dpy-nginx --image=nginx',
  'create deployment d3 --image=nginx --replicas=3 --port=8080',
  'create deployment multi --image=nginx --image=busybox',
  'create deployment sleeper --image=busybox -- sleep 3600',
  'create deployment dpy-nginx --image=nginx',
  'create namespace x',
  'create namespace x',
  'create service nodeport np --tcp=80:8080',
  'create service nodeport np2 --tcp=80:8080 --node-port=30080',
  'create service clusterip cs --tcp=5678:8080 --tcp=443:https',
  'create service clusterip headless --clusterip=None',
  'create service loadbalancer lb --tcp=80:80',
  'create service externalname en --external-name=db.example.com',
];

describe('protobuf bodies from the newest kubectl', () => {
  let old: LabServer;
  let neu: LabServer;
  let oldRec: Awaited<ReturnType<typeof recorder>>;
  let neuRec: Awaited<ReturnType<typeof recorder>>;
  beforeAll(async () => {
    if (!existsSync(KUBECTL_120)) throw new Error(HOW_TO_GET_120);
    if (!newest) throw new Error('no kubectl.1.N beside the kubectl on the PATH (set KUBECTL_NEWEST)');
    old = await startLab();
    neu = await startLab();
    oldRec = await recorder(old);
    neuRec = await recorder(neu);
  });
  afterAll(async () => {
    await Promise.all([oldRec?.close(), neuRec?.close()]);
    await Promise.all([old?.close(), neu?.close()]);
  });

  const run = (bin: string, rec: { kubeconfig: string }, line: string, lab: LabServer) =>
    lab.kubectl('/usr/bin/env', [`KUBECONFIG=${rec.kubeconfig}`, bin, ...line.split(' ')]);

  for (const [i, line] of commands.entries())
    it(`${i + 1}. kubectl ${line}: the decoded body is 1.20.2's JSON, and the lab takes it`, async () => {
      const o = oldRec.sent.length;
      const n = neuRec.sent.length;
      const a = await run(KUBECTL_120, oldRec, line, old);
      const b = await run(newest as string, neuRec, line, neu);
      const jsonBodies = oldRec.sent.slice(o);
      const protoBodies = neuRec.sent.slice(n);
      // 1.20.2 sends a typed client's JSON, or (create namespace) an unstructured object's, keys sorted.
      expect(jsonBodies.map((s) => s.type === 'application/json' || s.type === '')).toEqual([true]);
      expect(protoBodies.map((s) => s.type)).toEqual(['application/vnd.kubernetes.protobuf']);
      const want = jsonBodies.map((s) => ({
        method: s.method,
        path: s.path,
        body: JSON.parse(s.body.toString('utf8')),
      }));
      const got = protoBodies.map((s) => {
        const d = decodeProtobufBody(s.body);
        return { method: s.method, path: s.path, body: d.ok ? d.value : d };
      });
      expect(got).toEqual(want);
      // The same key order as a typed client's JSON too: Go writes the fields in its struct's order.
      if (jsonBodies[0]?.type === 'application/json')
        expect(got.map((g) => JSON.stringify(g.body))).toEqual(want.map((w) => JSON.stringify(w.body)));
      expect({ out: b.out, err: b.err, code: b.code }).toEqual({ out: a.out, err: a.err, code: a.code });
    });

  it('a protobuf body that is not one is a 400 Status saying why; CBOR is still 415', async () => {
    const token = /token: (\S+)/.exec(readFileSync(neu.kubeconfig, 'utf8'))?.[1] ?? '';
    const post = (type: string, body: Uint8Array) =>
      new Promise<{ code: number; body: unknown }>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: neu.server.port,
            method: 'POST',
            path: '/api/v1/namespaces',
            headers: { authorization: `Bearer ${token}`, 'content-type': type },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                code: res.statusCode ?? 0,
                body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const bad = await post('application/vnd.kubernetes.protobuf', Buffer.from('{"kind":"Namespace"}'));
    const cut = await post(
      'application/vnd.kubernetes.protobuf',
      Uint8Array.from([0x6b, 0x38, 0x73, 0x00, 0x0a, 0xff]),
    );
    const cbor = await post('application/cbor', Uint8Array.from([0xa0]));
    const status = (code: number, reason: string, message: string, more = {}) => ({
      code,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message,
        reason,
        ...more,
        code,
      },
    });
    expect([bad, cut, cbor]).toEqual([
      status(
        400,
        'BadRequest',
        'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]',
      ),
      status(400, 'BadRequest', 'unexpected EOF'),
      status(
        415,
        'UnsupportedMediaType',
        'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf',
        { details: {} },
      ),
    ]);
  });
});

/** A protobuf body by hand: the envelope around an object's bytes. */
const varint = (v: number): number[] => {
  const out: number[] = [];
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return out;
};
const field = (n: number, bytes: number[]): number[] => [
  ...varint((n << 3) | 2),
  ...varint(bytes.length),
  ...bytes,
];
const str = (n: number, s: string) => field(n, [...Buffer.from(s, 'utf8')]);
const envelope = (apiVersion: string, kind: string, raw: number[]) =>
  Uint8Array.from([
    0x6b,
    0x38,
    0x73,
    0x00,
    ...field(1, [...str(1, apiVersion), ...str(2, kind)]),
    ...field(2, raw),
  ]);

describe('decodeProtobufBody', () => {
  it('reads the envelope and the kinds the book’s commands post (an eviction with its delete options)', () => {
    // Eviction{metadata{name: web, namespace: default}, deleteOptions{gracePeriodSeconds: 0}}
    const meta = [...str(1, 'web'), ...str(3, 'default')];
    const del = [0x08, 0x00];
    expect(
      decodeProtobufBody(envelope('policy/v1', 'Eviction', [...field(1, meta), ...field(2, del)])),
    ).toEqual({
      ok: true,
      value: {
        kind: 'Eviction',
        apiVersion: 'policy/v1',
        metadata: { name: 'web', namespace: 'default', creationTimestamp: null },
        deleteOptions: { gracePeriodSeconds: 0 },
      },
    });
  });

  it('writes Time as RFC 3339, IntOrString as a number or a string, Quantity as its string, maps as objects', () => {
    // Pod{metadata{creationTimestamp 2020-07-01T00:00:00Z}, spec{containers[{name c, ports[{containerPort 80}],
    //   resources{limits{cpu: 500m}}, livenessProbe{httpGet{port "http"}}}]}}
    const ts = [0x08, ...varint(1593561600)];
    const meta = [...str(1, 'p'), ...field(8, ts)];
    const port = [0x18, ...varint(80)];
    const limits = field(1, [...str(1, 'cpu'), ...field(2, str(1, '500m'))]);
    const httpGet = field(2, [...str(1, '/'), ...field(2, [0x08, 0x01, ...str(3, 'http')])]);
    const probe = field(1, httpGet);
    const container = [...str(1, 'c'), ...field(6, port), ...field(8, limits), ...field(10, probe)];
    const spec = field(2, container);
    const body = envelope('v1', 'Pod', [...field(1, meta), ...field(2, spec)]);
    expect(decodeProtobufBody(body)).toEqual({
      ok: true,
      value: {
        kind: 'Pod',
        apiVersion: 'v1',
        metadata: { name: 'p', creationTimestamp: '2020-07-01T00:00:00Z' },
        spec: {
          containers: [
            {
              name: 'c',
              ports: [{ containerPort: 80 }],
              resources: { limits: { cpu: '500m' } },
              livenessProbe: { httpGet: { path: '/', port: 'http' } },
            },
          ],
        },
        status: {},
      },
    });
  });

  it('writes a present pointer even when zero, a missing list without omitempty as null, negatives, packed or not', () => {
    // Pod{spec{securityContext{runAsUser: 0, supplementalGroups: 1000 then packed [2000, 3000]}, priority: -5}}
    const packed = [...varint(2000), ...varint(3000)];
    const sc = [0x10, 0x00, 0x20, ...varint(1000), ...field(4, packed)];
    const minus5 = [0xfb, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
    const spec = [...field(14, sc), ...varint(25 << 3), ...minus5];
    expect(decodeProtobufBody(envelope('v1', 'Pod', field(2, spec)))).toEqual({
      ok: true,
      value: {
        kind: 'Pod',
        apiVersion: 'v1',
        metadata: { creationTimestamp: null },
        spec: {
          containers: null,
          securityContext: { runAsUser: 0, supplementalGroups: [1000, 2000, 3000] },
          priority: -5,
        },
        status: {},
      },
    });
  });

  it('writes a map’s keys sorted, as Go’s encoding/json does, a repeated key’s last value winning', () => {
    const label = (k: string, v: string) => field(11, [...str(1, k), ...str(2, v)]);
    const meta = [...str(1, 'x'), ...label('tier', 'web'), ...label('app', 'a'), ...label('tier', 'db')];
    const d = decodeProtobufBody(envelope('v1', 'Namespace', field(1, meta)));
    expect(JSON.stringify(d)).toBe(
      '{"ok":true,"value":{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"x","creationTimestamp":null,"labels":{"app":"a","tier":"db"}},"spec":{},"status":{}}}',
    );
  });

  it('answers a malformed body with the reason, never a throw', () => {
    const good = envelope('v1', 'Namespace', field(1, str(1, 'x')));
    const cases: [string, Uint8Array][] = [
      ['empty', new Uint8Array(0)],
      ['wrong magic', Uint8Array.from([0x7b, 0x22, 0x6b, 0x69, 0x6e, 0x64])],
      ['truncated varint', Uint8Array.from([0x6b, 0x38, 0x73, 0x00, 0x0a, 0xff])],
      ['truncated field', good.subarray(0, good.length - 2)],
      ['illegal wire type', Uint8Array.from([0x6b, 0x38, 0x73, 0x00, 0x0f])],
      ['unknown kind', envelope('v1', 'Widget', [])],
      ['no kind', envelope('v1', '', [])],
    ];
    expect(cases.map(([why, bytes]) => [why, decodeProtobufBody(bytes)])).toEqual([
      ['empty', { ok: false, message: 'empty body' }],
      [
        'wrong magic',
        {
          ok: false,
          message: 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]',
        },
      ],
      ['truncated varint', { ok: false, message: 'unexpected EOF' }],
      ['truncated field', { ok: false, message: 'unexpected EOF' }],
      ['illegal wire type', { ok: false, message: 'proto: illegal wireType 7' }],
      ['unknown kind', { ok: false, message: 'no kind "Widget" is registered for version "v1"' }],
      ['no kind', { ok: false, message: "Object 'Kind' is missing in the protobuf body" }],
    ]);
  });
});
