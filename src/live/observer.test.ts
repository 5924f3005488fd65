import { describe, expect, it } from 'vitest';
import type { ApiObject } from './apiShapes';
import { RESOURCES } from './apiShapes';
import { labNodes, nginxPodEvents, nginxPodLife, node } from './fixtures';
import { observedFrame } from './observedFrame';
import type { LiveObserver as Observer } from './observer';
import { LiveObserver } from './observer';
import { podColumns } from './podStatus';

const line = (m: ReturnType<Observer['messages']>[number]) =>
  `${String(m.sentAt).padStart(5)} ${m.step ?? '-'} ${m.from} → ${m.to} ${m.kind} ${m.summary}`;

/** The lab as listed at the start: its nodes, nothing else. */
function started(): LiveObserver {
  const obs = new LiveObserver();
  for (const r of RESOURCES) obs.list(r, r === 'nodes' ? labNodes(100) : [], 0);
  return obs;
}

/** nginx-pod's life, pods and events interleaved as they arrive, one second apart. */
function nginxPod(obs: LiveObserver): void {
  const [added, bound, creating, ready] = nginxPodLife;
  const [scheduled, pulling, pulled, created, startedEv] = nginxPodEvents;
  const order = [
    ['pods', added],
    ['pods', bound],
    ['events', scheduled],
    ['pods', creating],
    ['events', pulling],
    ['events', pulled],
    ['events', created],
    ['events', startedEv],
    ['pods', ready],
  ] as const;
  for (const [i, [r, l]] of order.entries()) obs.watch(r, l as NonNullable<typeof l>, 10_000 + i * 1000);
}

describe('LiveObserver', () => {
  it("infers the messages of a pod's creation and places them on the book's eight steps", () => {
    const obs = started();
    nginxPod(obs);
    expect(obs.messages().map(line).join('\n')).toBe(
      [
        '10000 1 kubectl@m-k8s → apiserver api.create.pods POST /api/v1/namespaces/default/pods (nginx-pod)',
        '10350 2 apiserver → etcd etcd.txn put /registry/pods/default/nginx-pod',
        '10700 3 apiserver → controller-manager watch.pods.added added pods/nginx-pod',
        '11050 4 apiserver → scheduler watch.pods.added added pods/nginx-pod',
        '11050 4 scheduler → apiserver api.bind.pods POST /api/v1/namespaces/default/pods/nginx-pod/binding (w2-k8s)',
        '11350 4 apiserver → etcd etcd.txn put /registry/pods/default/nginx-pod',
        '11700 5 apiserver → kubelet@w2-k8s watch.pods.added added pods/nginx-pod',
        '12000 - scheduler → apiserver api.create.events POST /api/v1/namespaces/default/events (Scheduled)',
        '13000 5 kubelet@w2-k8s → apiserver api.updateStatus.pods PATCH /api/v1/namespaces/default/pods/nginx-pod/status (Pending)',
        '13350 5 apiserver → etcd etcd.txn put /registry/pods/default/nginx-pod',
        '14000 - kubelet@w2-k8s → apiserver api.create.events POST /api/v1/namespaces/default/events (Pulling)',
        '14350 6 kubelet@w2-k8s → runtime@w2-k8s cri.pullImage PullImage nginx',
        '15000 - kubelet@w2-k8s → apiserver api.create.events POST /api/v1/namespaces/default/events (Pulled)',
        '15350 6 runtime@w2-k8s → kubelet@w2-k8s cri.result pulled nginx',
        '16000 - kubelet@w2-k8s → apiserver api.create.events POST /api/v1/namespaces/default/events (Created)',
        '16350 7 kubelet@w2-k8s → runtime@w2-k8s cri.createContainer CreateContainer nginx-pod',
        '17000 - kubelet@w2-k8s → apiserver api.create.events POST /api/v1/namespaces/default/events (Started)',
        '17350 7 kubelet@w2-k8s → runtime@w2-k8s cri.startContainer StartContainer nginx-pod',
        '17700 7 runtime@w2-k8s → pods@w2-k8s container.started container nginx-pod started',
        '18000 8 kubelet@w2-k8s → apiserver api.updateStatus.pods PATCH /api/v1/namespaces/default/pods/nginx-pod/status (Ready=True)',
        '18350 8 apiserver → etcd etcd.txn put /registry/pods/default/nginx-pod',
      ].join('\n'),
    );
  });

  it('tells each change on its step, as the page lists them', () => {
    const obs = started();
    nginxPod(obs);
    const told = obs
      .changes()
      .map(
        (c) =>
          `${c.at} ${c.step ?? '-'} ${c.kind} ${c.resource} ${c.name}${c.detail ? ` (${c.detail})` : ''}`,
      );
    expect(told.join('\n')).toBe(
      [
        '0 - listed nodes 4',
        '0 - listed pods 0',
        '0 - listed events 0',
        '0 - listed deployments 0',
        '0 - listed replicasets 0',
        '0 - listed services 0',
        '10000 1 created pods default/nginx-pod',
        '11000 4 scheduled pods default/nginx-pod (w2-k8s)',
        '11000 5 kubelet-took pods default/nginx-pod (w2-k8s)',
        '14000 6 pulling pods default/nginx-pod (nginx)',
        '15000 6 pulled pods default/nginx-pod (nginx)',
        '16000 7 container-created pods default/nginx-pod (nginx-pod)',
        '17000 7 started pods default/nginx-pod (nginx-pod)',
        '18000 8 ready pods default/nginx-pod (w2-k8s)',
      ].join('\n'),
    );
    expect(obs.events().map((e) => `${e.reason} ${e.object} ${e.source}: ${e.message}`)).toEqual([
      'Scheduled pod/nginx-pod default-scheduler: Successfully assigned default/nginx-pod to w2-k8s',
      'Pulling pod/nginx-pod kubelet, w2-k8s: Pulling image "nginx"',
      'Pulled pod/nginx-pod kubelet, w2-k8s: Successfully pulled image "nginx"',
      'Created pod/nginx-pod kubelet, w2-k8s: Created container nginx-pod',
      'Started pod/nginx-pod kubelet, w2-k8s: Started container nginx-pod',
    ]);
  });

  it("draws the pod on its node with kubectl's STATUS at each moment, and etcd's keys at their revisions", () => {
    const obs = started();
    const [added, bound, creating, ready] = nginxPodLife;
    const seen: string[] = [];
    const pod = () =>
      observedFrame(obs, 0).pods.map(
        (p) => `${p.name} ${p.node ?? '<none>'} ${p.status} ${p.ready} ${p.restarts} ${p.ip ?? '<none>'}`,
      )[0];
    for (const l of [added, bound, creating, ready]) {
      obs.watch('pods', l as NonNullable<typeof l>, 1);
      seen.push(pod() ?? '');
    }
    expect(seen).toEqual([
      'nginx-pod <none> Pending 0/1 0 <none>',
      'nginx-pod w2-k8s Pending 0/1 0 <none>',
      'nginx-pod w2-k8s ContainerCreating 0/1 0 <none>',
      'nginx-pod w2-k8s Running 1/1 0 172.16.221.129',
    ]);
    const f = observedFrame(obs, 5);
    expect(f.etcdRevision).toBe(1209);
    expect(f.etcdKeys.find((k) => k.key === '/registry/pods/default/nginx-pod')).toEqual({
      key: '/registry/pods/default/nginx-pod',
      createRevision: 1200,
      modRevision: 1209,
    });
    expect(f.components.map((c) => `${c.number ?? '-'} ${c.id} ${c.host ?? ''} ${c.state}`)).toEqual([
      '0 kubectl@m-k8s m-k8s running',
      '1 apiserver m-k8s running',
      '2 etcd m-k8s running',
      '3 controller-manager m-k8s running',
      '4 scheduler m-k8s running',
      ...['w1-k8s', 'w2-k8s', 'w3-k8s'].flatMap((w) => [
        `5 kubelet@${w} ${w} running`,
        `6 runtime@${w} ${w} running`,
        `7 pods@${w} ${w} running`,
        `- kube-proxy@${w} ${w} absent`,
      ]),
      '11 cni  running',
      '12 coredns  running',
    ]);
  });

  it('sees a node whose kubelet stopped go NotReady (Unknown, from the node lifecycle controller)', () => {
    const obs = started();
    obs.watch('nodes', { type: 'MODIFIED', object: node('w2-k8s', 300, 'Unknown') }, 50_000);
    expect(obs.messages().map(line)).toEqual([
      '50000 - controller-manager → apiserver api.updateStatus.nodes PATCH /api/v1/nodes/w2-k8s/status (Ready=Unknown)',
      '50350 - apiserver → etcd etcd.txn put /registry/minions/w2-k8s',
    ]);
    expect(obs.changes().at(-1)).toEqual({
      at: 50_000,
      kind: 'node-unknown',
      resource: 'nodes',
      name: 'w2-k8s',
      detail: 'Kubelet stopped posting node status.',
    });
    const f = observedFrame(obs, 50_000);
    expect(f.components.find((c) => c.id === 'kubelet@w2-k8s')).toEqual({
      id: 'kubelet@w2-k8s',
      number: 5,
      name: 'kubelet',
      host: 'w2-k8s',
      state: 'stopped',
      why: 'Kubelet stopped posting node status.',
    });
    const w2 = f.objects.find((o) => o.metadata.name === 'w2-k8s');
    expect(w2?.kind === 'Node' && w2.status.conditions.find((c) => c.type === 'Ready')?.status).toBe(
      'Unknown',
    );
    // Back: the kubelet posts Ready itself.
    obs.watch('nodes', { type: 'MODIFIED', object: node('w2-k8s', 301) }, 60_000);
    expect(obs.messages().at(-2)?.summary).toBe('PATCH /api/v1/nodes/w2-k8s/status (Ready=True)');
    expect(obs.messages().at(-2)?.from).toBe('kubelet@w2-k8s');
  });

  it("takes a pod already running when listed as started before, and its NotReady on a silent node as the node lifecycle controller's", () => {
    const obs = started();
    const running = nginxPodLife[3]?.object as ApiObject;
    obs.list('pods', [running], 0, true);
    obs.watch('nodes', { type: 'MODIFIED', object: node('w2-k8s', 1300, 'Unknown') }, 1000);
    const notReady = {
      ...running,
      metadata: { ...running.metadata, resourceVersion: '1301' },
      status: {
        ...running.status,
        conditions: (running.status?.conditions ?? []).map((c) =>
          c.type === 'Ready' ? { ...c, status: 'False' } : c,
        ),
      },
    };
    obs.watch('pods', { type: 'MODIFIED', object: notReady }, 2000);
    expect(obs.messages().slice(2).map(line)).toEqual([
      ' 2000 - controller-manager → apiserver api.updateStatus.pods PATCH /api/v1/namespaces/default/pods/nginx-pod/status (Ready=False)',
      ' 2350 - apiserver → etcd etcd.txn put /registry/pods/default/nginx-pod',
    ]);
    expect(obs.changes().at(-1)).toEqual({
      at: 2000,
      kind: 'not-ready',
      resource: 'pods',
      name: 'default/nginx-pod',
      detail: 'w2-k8s',
    });
  });

  it('tells what changed while the watch was gone when it lists again (410 Gone), without inventing messages', () => {
    const obs = started();
    const [added, , , ready] = nginxPodLife;
    obs.watch('pods', added as NonNullable<typeof added>, 1000);
    const before = obs.messages().length;
    obs.list('pods', [ready?.object ?? {}], 9000, true);
    expect(obs.messages().length).toBe(before);
    expect(obs.changes().slice(-2)).toEqual([
      { at: 9000, kind: 'changed', resource: 'pods', name: 'default/nginx-pod' },
      { at: 9000, kind: 'relisted', resource: 'pods', name: '1' },
    ]);
    expect(observedFrame(obs, 9000).pods[0]?.status).toBe('Running');
  });
});

describe('LiveObserver, workloads', () => {
  it('infers who writes a Deployment, its ReplicaSet, their pods and a Service, with the steps the table gives them', () => {
    const obs = started();
    const meta = (name: string, rv: number, generation: number, owner?: string) => ({
      name,
      namespace: 'default',
      resourceVersion: String(rv),
      generation,
      ...(owner ? { ownerReferences: [{ kind: owner, name: 'web', controller: true }] } : {}),
    });
    obs.watch(
      'deployments',
      { type: 'ADDED', object: { kind: 'Deployment', metadata: meta('web', 10, 1) } },
      1000,
    );
    obs.watch(
      'replicasets',
      { type: 'ADDED', object: { kind: 'ReplicaSet', metadata: meta('web-5d9', 11, 1, 'Deployment') } },
      2000,
    );
    obs.watch(
      'pods',
      {
        type: 'ADDED',
        object: {
          kind: 'Pod',
          metadata: meta('web-5d9-abcde', 12, 0, 'ReplicaSet'),
          spec: { containers: [{ name: 'nginx' }] },
          status: { phase: 'Pending' },
        },
      },
      3000,
    );
    // Its status (the same generation): the Deployment controller; a new generation: a person's kubectl.
    obs.watch(
      'deployments',
      { type: 'MODIFIED', object: { kind: 'Deployment', metadata: meta('web', 13, 1) } },
      5000,
    );
    obs.watch(
      'deployments',
      { type: 'MODIFIED', object: { kind: 'Deployment', metadata: meta('web', 14, 2) } },
      6000,
    );
    obs.watch('services', { type: 'ADDED', object: { kind: 'Service', metadata: meta('web', 15, 0) } }, 7000);
    obs.watch(
      'services',
      { type: 'DELETED', object: { kind: 'Service', metadata: meta('web', 16, 0) } },
      9000,
    );
    // As in the simulated lab, the table numbers a Deployment's kubectl request and its etcd write; the pod its
    // ReplicaSet makes gets steps from its binding on (4, 5, ...), not 1–3, which belong to a pod kubectl asked for.
    expect(obs.messages().map(line)).toEqual([
      ' 1000 1 kubectl@m-k8s → apiserver api.create.deployments POST /apis/apps/v1/namespaces/default/deployments (web)',
      ' 1350 2 apiserver → etcd etcd.txn put /registry/deployments/default/web',
      ' 1700 - apiserver → controller-manager watch.deployments.added added deployments/web',
      ' 2000 - controller-manager → apiserver api.create.replicasets POST /apis/apps/v1/namespaces/default/replicasets (web-5d9)',
      ' 2350 - apiserver → etcd etcd.txn put /registry/replicasets/default/web-5d9',
      ' 2700 - apiserver → controller-manager watch.replicasets.added added replicasets/web-5d9',
      ' 3000 - controller-manager → apiserver api.create.pods POST /api/v1/namespaces/default/pods (web-5d9-abcde)',
      ' 3350 - apiserver → etcd etcd.txn put /registry/pods/default/web-5d9-abcde',
      ' 3700 - apiserver → controller-manager watch.pods.added added pods/web-5d9-abcde',
      ' 4050 - apiserver → scheduler watch.pods.added added pods/web-5d9-abcde',
      ' 5000 - controller-manager → apiserver api.updateStatus.deployments PUT /apis/apps/v1/namespaces/default/deployments/web/status',
      ' 5350 - apiserver → etcd etcd.txn put /registry/deployments/default/web',
      ' 5700 - apiserver → controller-manager watch.deployments.modified modified deployments/web',
      ' 6000 - kubectl@m-k8s → apiserver api.update.deployments PUT /apis/apps/v1/namespaces/default/deployments/web',
      ' 6350 - apiserver → etcd etcd.txn put /registry/deployments/default/web',
      ' 6700 - apiserver → controller-manager watch.deployments.modified modified deployments/web',
      ' 7000 - kubectl@m-k8s → apiserver api.create.services POST /api/v1/namespaces/default/services (web)',
      ' 7350 - apiserver → etcd etcd.txn put /registry/services/specs/default/web',
      ' 7700 - apiserver → kube-proxy@m-k8s watch.services.added added services/web',
      ' 8050 - apiserver → kube-proxy@w1-k8s watch.services.added added services/web',
      ' 8400 - apiserver → kube-proxy@w2-k8s watch.services.added added services/web',
      ' 8750 - apiserver → kube-proxy@w3-k8s watch.services.added added services/web',
      ' 9000 - kubectl@m-k8s → apiserver api.delete.services DELETE /api/v1/namespaces/default/services/web',
      ' 9350 - apiserver → etcd etcd.txn delete /registry/services/specs/default/web',
      ' 9700 - apiserver → kube-proxy@m-k8s watch.services.deleted deleted services/web',
      '10050 - apiserver → kube-proxy@w1-k8s watch.services.deleted deleted services/web',
      '10400 - apiserver → kube-proxy@w2-k8s watch.services.deleted deleted services/web',
      '10750 - apiserver → kube-proxy@w3-k8s watch.services.deleted deleted services/web',
    ]);
    expect(obs.changes().slice(6)).toEqual([
      { at: 1000, kind: 'created', resource: 'deployments', name: 'default/web', step: 1 },
      { at: 2000, kind: 'created', resource: 'replicasets', name: 'default/web-5d9' },
      { at: 3000, kind: 'created', resource: 'pods', name: 'default/web-5d9-abcde' },
      { at: 6000, kind: 'changed', resource: 'deployments', name: 'default/web' },
      { at: 7000, kind: 'created', resource: 'services', name: 'default/web' },
      { at: 9000, kind: 'deleted', resource: 'services', name: 'default/web' },
    ]);
    expect(obs.all('services')).toEqual([]);
  });
});

describe('podColumns', () => {
  const pod = (status: object, deleting = false) =>
    podColumns({
      metadata: { name: 'p', ...(deleting ? { deletionTimestamp: '2026-12-02T10:00:00Z' } : {}) },
      spec: { containers: [{ name: 'a' }, { name: 'b' }] },
      status,
    } as ApiObject);
  it('reads STATUS, READY and RESTARTS as kubectl 1.18 prints them', () => {
    const running = { ready: true, restartCount: 1, state: { running: {} } };
    expect([
      pod({ phase: 'Pending' }),
      pod({
        phase: 'Running',
        containerStatuses: [
          running,
          { ready: false, restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } },
        ],
      }),
      pod({
        phase: 'Running',
        containerStatuses: [
          running,
          { ready: false, restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
        ],
      }),
      pod({ phase: 'Failed', containerStatuses: [{ state: { terminated: { exitCode: 137, signal: 9 } } }] }),
      pod({
        phase: 'Pending',
        initContainerStatuses: [{ restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } }],
      }),
      pod({
        phase: 'Pending',
        initContainerStatuses: [{ state: { terminated: { exitCode: 0 } } }, { state: { running: {} } }],
      }),
      pod({ phase: 'Running', containerStatuses: [running, running] }, true),
      pod({ phase: 'Running', reason: 'NodeLost', containerStatuses: [running, running] }, true),
    ]).toEqual([
      { status: 'Pending', ready: '0/2', restarts: 0 },
      { status: 'CrashLoopBackOff', ready: '1/2', restarts: 3 },
      { status: 'Running', ready: '1/2', restarts: 1 },
      { status: 'Signal:9', ready: '0/2', restarts: 0 },
      { status: 'Init:CrashLoopBackOff', ready: '0/2', restarts: 3 },
      { status: 'Init:1/2', ready: '0/2', restarts: 0 },
      { status: 'Terminating', ready: '2/2', restarts: 2 },
      { status: 'Unknown', ready: '2/2', restarts: 2 },
    ]);
  });
});

describe('LiveObserver, a cluster whose control plane is not m-k8s', () => {
  it('draws kubectl and the control plane by the name the cluster gives it (cp-k8s), never the book’s m-k8s', () => {
    // A kubeadm 1.24+ control plane: labelled node-role.kubernetes.io/control-plane only.
    const worker = node('w1-k8s', 101);
    const cp = {
      ...node('cp-k8s', 100),
      metadata: {
        ...node('cp-k8s', 100).metadata,
        labels: { 'kubernetes.io/hostname': 'cp-k8s', 'node-role.kubernetes.io/control-plane': '' },
      },
    } as ApiObject;
    const obs = new LiveObserver();
    for (const r of RESOURCES)
      obs.list(r, r === 'nodes' ? [cp, worker, node('w2-k8s', 102), node('w3-k8s', 103)] : [], 0);
    nginxPod(obs);
    const frame = observedFrame(obs, 20_000);
    expect(frame.components.find((c) => c.number === 0)).toMatchObject({
      id: 'kubectl@cp-k8s',
      host: 'cp-k8s',
    });
    expect(
      frame.components.filter((c) => c.number !== undefined && c.number <= 4).map((c) => c.host),
    ).toEqual(['cp-k8s', 'cp-k8s', 'cp-k8s', 'cp-k8s', 'cp-k8s']);
    const fromKubectl = obs.messages().filter((m) => m.from.startsWith('kubectl@'));
    expect(fromKubectl.map((m) => m.from)).toEqual(['kubectl@cp-k8s']);
    expect(JSON.stringify({ frame, messages: obs.messages() })).not.toContain('m-k8s');
  });
});
