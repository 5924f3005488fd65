// A small stand-in for a kube-apiserver, for the live page's e2e until `npm run api`
// serves the simulated lab: GET /api, /version, and list + watch (JSON lines, resource
// versions, bookmarks, 410 Gone for a version older than it keeps) of nodes, pods, events,
// deployments, replicasets and services in the API's JSON shapes. POST of a pod (the test,
// acting as a person's kubectl) plays the pod's life as a 1.18 cluster writes it: bound by
// the scheduler, the kubelet's status, the Pulling…Started events, Ready. A node's
// kubelet "stopped" turns its Ready condition Unknown as the node lifecycle controller
// does. Every request is recorded, so the test can check the page only read.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

type Obj = Record<string, unknown> & { metadata: Record<string, unknown> };
type Resource = 'nodes' | 'pods' | 'events' | 'deployments' | 'replicasets' | 'services';

const PATHS: Record<string, Resource> = {
  '/api/v1/nodes': 'nodes',
  '/api/v1/pods': 'pods',
  '/api/v1/events': 'events',
  '/apis/apps/v1/deployments': 'deployments',
  '/apis/apps/v1/replicasets': 'replicasets',
  '/api/v1/services': 'services',
};
const LIST_KIND: Record<Resource, [string, string]> = {
  nodes: ['NodeList', 'v1'],
  pods: ['PodList', 'v1'],
  events: ['EventList', 'v1'],
  deployments: ['DeploymentList', 'apps/v1'],
  replicasets: ['ReplicaSetList', 'apps/v1'],
  services: ['ServiceList', 'v1'],
};

export interface FakeRequest {
  readonly method: string;
  readonly url: string;
  /** The test's own writes carry x-e2e: a write without it came from somewhere else. */
  readonly fromTest: boolean;
}

interface Change {
  readonly rv: number;
  readonly resource: Resource;
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly object: Obj;
}

const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

function nodeObject(name: string, ready: 'True' | 'Unknown', master: boolean): Obj {
  return {
    kind: 'Node',
    apiVersion: 'v1',
    metadata: {
      name,
      uid: `node-${name}`,
      creationTimestamp: '2026-12-01T09:00:00Z',
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...(master ? { 'node-role.kubernetes.io/master': '' } : {}),
      },
    },
    spec: master ? { taints: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }] } : {},
    status: {
      conditions: [
        ready === 'True'
          ? {
              type: 'Ready',
              status: 'True',
              lastHeartbeatTime: now(),
              lastTransitionTime: now(),
              reason: 'KubeletReady',
              message: 'kubelet is posting ready status',
            }
          : {
              type: 'Ready',
              status: 'Unknown',
              lastHeartbeatTime: now(),
              lastTransitionTime: now(),
              reason: 'NodeStatusUnknown',
              message: 'Kubelet stopped posting node status.',
            },
      ],
      nodeInfo: { kubeletVersion: 'v1.18.4', containerRuntimeVersion: 'docker://19.3.14' },
    },
  };
}

export class FakeApi {
  readonly requests: FakeRequest[] = [];
  private rv = 1000;
  private readonly store = new Map<Resource, Map<string, Obj>>();
  private readonly history: Change[] = [];
  private readonly watchers = new Set<{ resource: Resource; res: ServerResponse }>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server = createServer((req, res) => this.handle(req, res));

  constructor() {
    for (const r of Object.values(PATHS)) this.store.set(r, new Map());
    this.put('nodes', 'ADDED', nodeObject('m-k8s', 'True', true));
    for (const w of ['w1-k8s', 'w2-k8s', 'w3-k8s']) this.put('nodes', 'ADDED', nodeObject(w, 'True', false));
  }

  async start(): Promise<number> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    for (const w of this.watchers) w.res.end();
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  /** The node lifecycle controller's write once the kubelet's heartbeats stop. */
  stopKubelet(node: string): void {
    this.put('nodes', 'MODIFIED', nodeObject(node, 'Unknown', false));
  }

  private put(resource: Resource, type: Change['type'], object: Obj): Obj {
    const rv = ++this.rv;
    const meta = object.metadata;
    const stored: Obj = { ...object, metadata: { ...meta, resourceVersion: String(rv) } };
    const key = `${meta.namespace ?? ''}/${meta.name}`;
    if (type === 'DELETED') this.store.get(resource)?.delete(key);
    else this.store.get(resource)?.set(key, stored);
    const change = { rv, resource, type, object: stored };
    this.history.push(change);
    for (const w of this.watchers)
      if (w.resource === resource) w.res.write(`${JSON.stringify({ type, object: stored })}\n`);
    return stored;
  }

  private later(ms: number, f: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      f();
    }, ms);
    this.timers.add(t);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    this.requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      fromTest: req.headers['x-e2e'] === 'test',
    });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/api') {
      send(200, {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '192.168.1.10:6443' }],
      });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/version') {
      send(200, {
        major: '1',
        minor: '18',
        gitVersion: 'v1.18.4',
        gitCommit: 'c96aede7b5205121079932896c4ad89bb93260af',
        gitTreeState: 'clean',
        buildDate: '2020-06-17T11:33:59Z',
        goVersion: 'go1.13.9',
        compiler: 'gc',
        platform: 'linux/amd64',
      });
      return;
    }
    const resource = PATHS[url.pathname];
    if (req.method === 'GET' && resource) {
      if (url.searchParams.get('watch') === '1' || url.searchParams.get('watch') === 'true') {
        const timeout = Number(url.searchParams.get('timeoutSeconds') ?? '0');
        this.watch(resource, Number(url.searchParams.get('resourceVersion') ?? '0'), timeout, res);
        return;
      }
      const [kind, apiVersion] = LIST_KIND[resource];
      send(200, {
        kind,
        apiVersion,
        metadata: { resourceVersion: String(this.rv) },
        items: [...(this.store.get(resource)?.values() ?? [])],
      });
      return;
    }
    const create = /^\/api\/v1\/namespaces\/([^/]+)\/pods$/.exec(url.pathname);
    if (req.method === 'POST' && create) {
      let body = '';
      req.on('data', (d) => {
        body += d;
      });
      req.on('end', () => {
        const pod = JSON.parse(body) as Obj;
        send(201, this.createPod(create[1] as string, pod));
      });
      return;
    }
    send(404, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      details: {},
      code: 404,
    });
  }

  private watch(resource: Resource, from: number, timeoutSeconds: number, res: ServerResponse): void {
    // The fake keeps every change; a version before its first one is gone from its window.
    const oldest = this.history[0]?.rv ?? 0;
    if (from !== 0 && from < oldest - 1) {
      res.writeHead(410, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          message: `too old resource version: ${from} (${oldest})`,
          reason: 'Expired',
          code: 410,
        }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    // As kube-apiserver does: the headers go at once, before any event.
    res.flushHeaders();
    // timeoutSeconds: the server ends the stream then, as the API server does.
    if (timeoutSeconds > 0) this.later(timeoutSeconds * 1000, () => res.end());
    for (const c of this.history)
      if (c.resource === resource && c.rv > from)
        res.write(`${JSON.stringify({ type: c.type, object: c.object })}\n`);
    const w = { resource, res };
    this.watchers.add(w);
    res.on('close', () => this.watchers.delete(w));
  }

  private createPod(ns: string, body: Obj): Obj {
    const name = String(body.metadata.name);
    const spec = body.spec as { containers: { name: string; image: string }[] };
    const meta = { ...body.metadata, namespace: ns, uid: `pod-${name}`, creationTimestamp: now() };
    const container = spec.containers[0] ?? { name, image: 'nginx' };
    const pod = (nodeName: string | undefined, status: Record<string, unknown>): Obj => ({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: meta,
      spec: { ...spec, ...(nodeName ? { nodeName } : {}), schedulerName: 'default-scheduler' },
      status,
    });
    const scheduled = {
      type: 'PodScheduled',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: now(),
    };
    const event = (reason: string, message: string, kubelet: boolean) =>
      this.put('events', 'ADDED', {
        kind: 'Event',
        apiVersion: 'v1',
        metadata: { name: `${name}.${(this.rv + 1).toString(16)}`, namespace: ns, creationTimestamp: now() },
        involvedObject: {
          kind: 'Pod',
          namespace: ns,
          name,
          uid: meta.uid,
          apiVersion: 'v1',
          ...(kubelet ? { fieldPath: `spec.containers{${container.name}}` } : {}),
        },
        reason,
        message,
        source: kubelet ? { component: 'kubelet', host: 'w2-k8s' } : { component: 'default-scheduler' },
        firstTimestamp: now(),
        lastTimestamp: now(),
        count: 1,
        type: 'Normal',
      });
    const created = this.put('pods', 'ADDED', pod(undefined, { phase: 'Pending', qosClass: 'BestEffort' }));
    const steps: [number, () => void][] = [
      [
        400,
        () =>
          this.put(
            'pods',
            'MODIFIED',
            pod('w2-k8s', { phase: 'Pending', conditions: [scheduled], qosClass: 'BestEffort' }),
          ),
      ],
      [450, () => event('Scheduled', `Successfully assigned ${ns}/${name} to w2-k8s`, false)],
      [
        900,
        () =>
          this.put(
            'pods',
            'MODIFIED',
            pod('w2-k8s', {
              phase: 'Pending',
              conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady' }, scheduled],
              hostIP: '192.168.1.102',
              startTime: now(),
              containerStatuses: [
                {
                  name: container.name,
                  state: { waiting: { reason: 'ContainerCreating' } },
                  ready: false,
                  restartCount: 0,
                  image: container.image,
                },
              ],
              qosClass: 'BestEffort',
            }),
          ),
      ],
      [1300, () => event('Pulling', `Pulling image "${container.image}"`, true)],
      [2200, () => event('Pulled', `Successfully pulled image "${container.image}"`, true)],
      [2500, () => event('Created', `Created container ${container.name}`, true)],
      [2800, () => event('Started', `Started container ${container.name}`, true)],
      [
        3200,
        () =>
          this.put(
            'pods',
            'MODIFIED',
            pod('w2-k8s', {
              phase: 'Running',
              conditions: [{ type: 'Ready', status: 'True' }, scheduled],
              hostIP: '192.168.1.102',
              podIP: '172.16.221.129',
              startTime: now(),
              containerStatuses: [
                {
                  name: container.name,
                  state: { running: { startedAt: now() } },
                  ready: true,
                  restartCount: 0,
                  image: container.image,
                },
              ],
              qosClass: 'BestEffort',
            }),
          ),
      ],
    ];
    for (const [ms, f] of steps) this.later(ms, f);
    return created;
  }
}
