// kubectl's tables from objects, with the widths of facts §1.5 and §3.
import { describe, expect, it } from 'vitest';
import { machineIds, nodeSoftware, roleFacts } from '../sim/labs/nodeFacts';
import type { KubeObject, Node, Pod } from '../sim/objects';
import type { SimMs } from '../sim/units';
import { describePod } from './kubectl/describe';
import { toYaml, wireObject } from './kubectl/objectPrinter';
import { printTable } from './kubectl/printers';

const t = (s: number) => (s * 1000) as SimMs;

function pod(
  name: string,
  created: number,
  extra: Partial<Pod['status']> = {},
  meta: Partial<Pod['metadata']> = {},
): Pod {
  return {
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'kube-system',
      uid: 'u',
      resourceVersion: 1,
      creationTimestamp: t(created),
      ...meta,
    },
    spec: {
      containers: [{ name: 'c', image: 'nginx' }],
      tolerations: [],
      terminationGracePeriodSeconds: 30,
      nodeName: 'w2-k8s',
    },
    status: {
      phase: 'Running',
      conditions: [],
      containerStatuses: [
        {
          name: 'c',
          image: 'nginx',
          ready: true,
          restartCount: 0,
          state: { running: { startedAt: t(created) } },
        },
      ],
      ...extra,
    },
  };
}

function node(name: string, created: number, ready: 'True' | 'Unknown', master = false): Node {
  return {
    kind: 'Node',
    metadata: {
      name,
      uid: name,
      resourceVersion: 1,
      creationTimestamp: t(created),
      labels: master ? { 'node-role.kubernetes.io/master': '' } : {},
    },
    spec: { taints: [] },
    status: {
      conditions: [{ type: 'Ready', status: ready }],
      addresses: [{ type: 'InternalIP', address: '192.168.1.10' }],
      capacity: roleFacts.master.capacity,
      allocatable: roleFacts.master.allocatable,
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: { ...nodeSoftware, ...machineIds(name, 0) },
    },
  };
}

const now = 10_000;

describe('kubectl get tables', () => {
  it("pods -A: the book's widths, with the longest name setting NAME's column", () => {
    const items: KubeObject[] = [
      pod('calico-kube-controllers-99c9b6f64-ms2ml', now - 544),
      pod('etcd-m-k8s', now - 559),
      pod('kube-proxy-mkjz4', now - 87),
    ];
    expect(printTable('pods', items, { now: t(now), wide: false, withNamespace: true })).toBe(
      [
        'NAMESPACE     NAME                                      READY   STATUS    RESTARTS   AGE',
        'kube-system   calico-kube-controllers-99c9b6f64-ms2ml   1/1     Running   0          9m4s',
        'kube-system   etcd-m-k8s                                1/1     Running   0          9m19s',
        'kube-system   kube-proxy-mkjz4                          1/1     Running   0          87s',
      ].join('\n'),
    );
  });

  it('pods: Terminating when a deletion is pending, RESTARTS summed, <none> for a missing IP', () => {
    const terminating = pod(
      'nginx-pod',
      now - 960,
      {},
      { namespace: 'default', deletionTimestamp: t(now - 10) },
    );
    const restarted = pod('web', now - 840, {
      podIP: '172.16.103.131',
      containerStatuses: [
        {
          name: 'c',
          image: 'nginx',
          ready: true,
          restartCount: 1,
          state: { running: { startedAt: t(now - 60) } },
        },
      ],
    });
    expect(
      printTable('pods', [terminating, restarted], { now: t(now), wide: true, withNamespace: false }),
    ).toBe(
      [
        'NAME        READY   STATUS        RESTARTS   AGE   IP               NODE     NOMINATED NODE   READINESS GATES',
        'nginx-pod   1/1     Terminating   0          16m   <none>           w2-k8s   <none>           <none>',
        'web         1/1     Running       1          14m   172.16.103.131   w2-k8s   <none>           <none>',
      ].join('\n'),
    );
  });

  it('nodes: master role from its label, NotReady when Ready is Unknown', () => {
    expect(
      printTable('nodes', [node('m-k8s', now - 1740, 'True', true), node('w2-k8s', now - 1140, 'Unknown')], {
        now: t(now),
        wide: false,
        withNamespace: true,
      }),
    ).toBe(
      [
        'NAME     STATUS     ROLES    AGE   VERSION',
        'm-k8s    Ready      master   29m   v1.18.4',
        'w2-k8s   NotReady   <none>   19m   v1.18.4',
      ].join('\n'),
    );
  });

  it('--no-headers: columns as wide as the rows alone; --show-labels adds LABELS', () => {
    const nodes = [node('m-k8s', now - 1740, 'True', true), node('w1-k8s', now - 1440, 'True')];
    expect(
      printTable('nodes', nodes, { now: t(now), wide: false, withNamespace: false, noHeaders: true }),
    ).toBe('m-k8s    Ready   master   29m   v1.18.4\nw1-k8s   Ready   <none>   24m   v1.18.4');
    expect(
      printTable('nodes', nodes, { now: t(now), wide: false, withNamespace: false, showLabels: true }).split(
        '\n',
      )[1],
    ).toBe('m-k8s    Ready    master   29m   v1.18.4   node-role.kubernetes.io/master=');
  });

  it('deployments and replicasets', () => {
    const tpl = { labels: { app: 'dpy-nginx' }, containers: [{ name: 'nginx', image: 'nginx' }] };
    const meta = { namespace: 'default', uid: 'u', resourceVersion: 1, creationTimestamp: t(now - 30) };
    const d: KubeObject = {
      kind: 'Deployment',
      metadata: { name: 'dpy-nginx', ...meta },
      spec: { replicas: 3, selector: tpl.labels, template: tpl },
      status: { replicas: 3, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 3 },
    };
    expect(printTable('deployments', [d], { now: t(now), wide: true, withNamespace: false })).toBe(
      'NAME        READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES   SELECTOR\ndpy-nginx   2/3     3            2           30s   nginx        nginx    app=dpy-nginx',
    );
    const rs: KubeObject = {
      kind: 'ReplicaSet',
      metadata: { name: 'dpy-nginx-7cd4d79cc9', ...meta },
      spec: { replicas: 3, selector: tpl.labels, template: tpl },
      status: { replicas: 3, readyReplicas: 3 },
    };
    expect(printTable('replicasets', [rs], { now: t(now), wide: false, withNamespace: false })).toBe(
      'NAME                   DESIRED   CURRENT   READY   AGE\ndpy-nginx-7cd4d79cc9   3         3         3       30s',
    );
  });
});

describe('kubectl describe pod', () => {
  it('aligns its sections and prints the events table with padding 2', () => {
    const p = pod(
      'nginx-pod',
      now - 100,
      { hostIP: '192.168.1.102', podIP: '172.16.103.129' },
      { namespace: 'default' },
    );
    // Admission gives every pod a priority (0 without a class); describe prints it.
    const text = describePod(
      { ...p, spec: { ...p.spec, priority: 0 } },
      [
        {
          kind: 'Event',
          metadata: { name: 'e', uid: 'e', resourceVersion: 1, creationTimestamp: t(now - 10) },
          involvedObject: { kind: 'Pod', name: 'nginx-pod', namespace: 'default' },
          type: 'Normal',
          reason: 'Scheduled',
          message: 'Successfully assigned default/nginx-pod to w2-k8s',
          source: { component: 'default-scheduler' },
          firstTimestamp: t(now - 10),
          lastTimestamp: t(now - 10),
          count: 1,
        },
      ],
      t(now),
    );
    const lines = text.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Name:         nginx-pod',
      'Namespace:    default',
      'Priority:     0',
      'Node:         w2-k8s/192.168.1.102',
    ]);
    expect(lines.slice(-4)).toEqual([
      'Events:',
      '  Type    Reason     Age   From               Message',
      '  ----    ------     ----  ----               -------',
      '  Normal  Scheduled  10s   default-scheduler  Successfully assigned default/nginx-pod to w2-k8s',
    ]);
    expect(lines).toContain('Tolerations:     <none>');
  });
});

describe('kubectl get -o yaml', () => {
  it('writes sorted keys, "- " at the parent indentation and quoted ambiguous strings', () => {
    const yaml = toYaml(wireObject(pod('web', 0, { podIP: '172.16.103.129' }, { namespace: 'default' })));
    expect(yaml.split('\n').slice(0, 9)).toEqual([
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  creationTimestamp: "2020-07-06T01:00:00Z"',
      '  name: web',
      '  namespace: default',
      '  resourceVersion: "1"',
      '  selfLink: /api/v1/namespaces/default/pods/web',
      '  uid: u',
    ]);
    // The API server serves a container's defaults even when the stored object lacks them.
    expect(yaml).toContain(
      'spec:\n  containers:\n  - image: nginx\n    imagePullPolicy: Always\n    name: c\n    resources: {}\n    terminationMessagePath: /dev/termination-log\n    terminationMessagePolicy: File\n  nodeName: w2-k8s\n',
    );
    expect(yaml).toContain('  podIP: 172.16.103.129\n');
  });
});

describe('-o yaml strings as go-yaml v2 writes them', () => {
  it('writes a string with line breaks as a literal block, and folds a long plain one at column 80', () => {
    // kubectl 1.20.2: `create cm x --from-literal=a=$'l1\nl2' --from-literal=b=$'x \ny'
    // --from-literal=c=$' lead\nz' --dry-run=client -o yaml`, and `run x --image=busybox
    // --dry-run=client -o yaml -- sh -c $'a\nb' $'c\n\n' 'd e'` (its args).
    expect(toYaml({ data: { a: 'l1\nl2', b: 'x \ny', c: ' lead\nz' } })).toBe(
      'data:\n  a: |-\n    l1\n    l2\n  b: "x \\ny"\n  c: |2-\n     lead\n    z\n',
    );
    expect(toYaml({ args: ['sh', '-c', 'a\nb', 'c\n\n', 'd e'] })).toBe(
      'args:\n- sh\n- -c\n- |-\n  a\n  b\n- |+\n  c\n\n- d e\n',
    );
    // kubectl 1.20.2 apply view-last-applied of a Service applied with --record.
    expect(
      toYaml({
        metadata: {
          annotations: {
            'kubernetes.io/change-cause': 'kubectl apply --filename=svc.yaml --validate=false --record=true',
          },
        },
      }),
    ).toBe(
      'metadata:\n  annotations:\n    kubernetes.io/change-cause: kubectl apply --filename=svc.yaml --validate=false\n      --record=true\n',
    );
  });
});
