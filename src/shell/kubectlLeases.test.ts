// What issue 12 left of the objects, as kubectl 1.18.4 prints them: the kubelets' Leases
// in kube-node-lease (get, -A, -o yaml, api-resources, describe node's Lease lines), the
// images a node holds (status.images, updated once a pull is done), and the container an
// event is about (involvedObject.fieldPath, get events -o wide's SUBOBJECT). Whole outputs,
// seed 7; the facts and their sources are in docs/FACTS-kubectl.md §19.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const golden = (name: string) =>
  readFileSync(join(__dirname, 'golden', 'objects', name), 'utf8').replace(/\n$/, '');

describe('kubectl get leases (printLease: NAME, HOLDER, AGE)', () => {
  it('lists one lease per node in kube-node-lease, as old as the node', () => {
    const s = new Session({ seed: 7 });
    expect(runAt(s, 'm-k8s', 'kubectl get lease w1-k8s -n kube-node-lease -o yaml').text).toBe(
      golden('get-lease-w1-yaml.txt'),
    );
    expect(runAt(s, 'm-k8s', 'kubectl get leases -n kube-node-lease').text).toBe(
      [
        'NAME     HOLDER   AGE',
        'm-k8s    m-k8s    29m',
        'w1-k8s   w1-k8s   24m',
        'w2-k8s   w2-k8s   19m',
        'w3-k8s   w3-k8s   15m',
      ].join('\n'),
    );
    expect(runAt(s, 'm-k8s', 'kubectl get leases -A').text).toBe(
      [
        'NAMESPACE         NAME     HOLDER   AGE',
        'kube-node-lease   m-k8s    m-k8s    29m',
        'kube-node-lease   w1-k8s   w1-k8s   24m',
        'kube-node-lease   w2-k8s   w2-k8s   19m',
        'kube-node-lease   w3-k8s   w3-k8s   15m',
      ].join('\n'),
    );
    expect(runAt(s, 'm-k8s', 'kubectl get leases').text).toBe('No resources found in default namespace.');
    expect(runAt(s, 'm-k8s', 'kubectl get ns kube-node-lease').text).toBe(
      ['NAME              STATUS   AGE', 'kube-node-lease   Active   29m'].join('\n'),
    );
  });

  it('describe node reads the lease: its RenewTime stops with the kubelet, and the node goes NotReady', () => {
    const s = new Session({ seed: 7 });
    wait(s, 20);
    runAt(s, 'w3-k8s', 'systemctl stop kubelet');
    const lease = () =>
      runAt(s, 'm-k8s', 'kubectl describe node w3-k8s')
        .text.split('\n')
        .filter((_l, i, all) => i > all.indexOf('Lease:') && i <= all.indexOf('Lease:') + 3);
    const stopped = [
      '  HolderIdentity:  w3-k8s',
      '  AcquireTime:     <unset>',
      '  RenewTime:       Mon, 06 Jul 2020 01:00:20 +0000',
    ];
    expect(lease()).toEqual(stopped);
    wait(s, 30);
    expect(lease()).toEqual(stopped);
    expect(runAt(s, 'm-k8s', 'kubectl get node w3-k8s').text).toBe(
      ['NAME     STATUS   ROLES    AGE   VERSION', 'w3-k8s   Ready    <none>   15m   v1.18.4'].join('\n'),
    );
    // The controller saw that renewal at its next look (every 5 s) and gives up 40 s after it.
    wait(s, 20);
    expect(runAt(s, 'm-k8s', 'kubectl get node w3-k8s').text).toBe(
      ['NAME     STATUS     ROLES    AGE   VERSION', 'w3-k8s   NotReady   <none>   16m   v1.18.4'].join('\n'),
    );
  });
});

describe('a node’s status.images (the kubelet’s Images setter)', () => {
  it('lists the images the node holds, largest first, and the one a pod pulled once its pull is done', () => {
    const s = new Session({ seed: 7 });
    const images = `kubectl get node w3-k8s -o jsonpath='{range .status.images[*]}{.names[1]}{"\\t"}{.sizeBytes}{"\\n"}{end}'`;
    const before = [
      'docker.io/calico/node:v3.9.4\t195000000',
      'docker.io/calico/cni:v3.9.4\t160000000',
      'k8s.gcr.io/kube-proxy:v1.18.4\t117000000',
      'k8s.gcr.io/pause:3.2\t683000',
      '',
    ];
    expect(runAt(s, 'm-k8s', images).text).toBe(before.join('\n'));
    runAt(s, 'm-k8s', 'kubectl run nginx --image=nginx:1.16.0');
    // The pull takes a few seconds; the next status the kubelet posts (every 10 s) carries it.
    expect(runAt(s, 'm-k8s', images).text).toBe(before.join('\n'));
    wait(s, 15);
    expect(runAt(s, 'm-k8s', images).text).toBe(
      [...before.slice(0, 3), 'docker.io/nginx:1.16.0\t109000000', ...before.slice(3)].join('\n'),
    );
    expect(runAt(s, 'm-k8s', `kubectl get node w3-k8s -o jsonpath='{.status.images[3].names[0]}'`).text).toBe(
      'docker.io/nginx@sha256:e5c90074024e288c67b88ecf408bfacfac0bf7766877d930d50761f0a91eb666',
    );
    // The digest is the one the pod's imageID names.
    expect(
      runAt(s, 'm-k8s', `kubectl get pod nginx -o jsonpath='{.status.containerStatuses[0].imageID}'`).text,
    ).toBe(
      'docker-pullable://docker.io/nginx@sha256:e5c90074024e288c67b88ecf408bfacfac0bf7766877d930d50761f0a91eb666',
    );
  });
});

describe('events’ involvedObject.fieldPath', () => {
  it('the kubelet’s container events name the container; -o wide shows it as SUBOBJECT, describe does not', () => {
    const s = new Session({ seed: 7 });
    runAt(s, 'm-k8s', 'kubectl run nginx --image=nginx:1.16.0');
    wait(s, 20);
    expect(runAt(s, 'm-k8s', 'kubectl get events --field-selector reason=Pulling -o yaml').text).toBe(
      golden('get-events-pulling-yaml.txt'),
    );
    expect(
      runAt(s, 'm-k8s', 'kubectl get events -o wide --field-selector involvedObject.name=nginx').text,
    ).toBe(
      [
        'LAST SEEN   TYPE     REASON      OBJECT      SUBOBJECT                SOURCE              MESSAGE                                         FIRST SEEN   COUNT   NAME',
        '22s         Normal   Scheduled   pod/nginx                            default-scheduler   Successfully assigned default/nginx to w3-k8s   22s          1       nginx.c5vzm',
        '22s         Normal   Pulling     pod/nginx   spec.containers{nginx}   kubelet, w3-k8s     Pulling image "nginx:1.16.0"                    22s          1       nginx.pwr2t',
        '19s         Normal   Pulled      pod/nginx   spec.containers{nginx}   kubelet, w3-k8s     Successfully pulled image "nginx:1.16.0"        19s          1       nginx.nzmt9',
        '19s         Normal   Created     pod/nginx   spec.containers{nginx}   kubelet, w3-k8s     Created container nginx                         19s          1       nginx.rh7z6',
        '18s         Normal   Started     pod/nginx   spec.containers{nginx}   kubelet, w3-k8s     Started container nginx                         18s          1       nginx.shsgp',
      ].join('\n'),
    );
    expect(
      runAt(
        s,
        'm-k8s',
        'kubectl get events --field-selector involvedObject.fieldPath=spec.containers{nginx} -o name',
      ).text.split('\n'),
    ).toHaveLength(4);
    // DescribeEvents prints Type, Reason, Age, From and Message: no field path.
    const described = runAt(s, 'm-k8s', 'kubectl describe pod nginx').text;
    expect(described.slice(described.indexOf('Events:'))).toBe(
      [
        'Events:',
        '  Type    Reason     Age   From               Message',
        '  ----    ------     ----  ----               -------',
        '  Normal  Scheduled  24s   default-scheduler  Successfully assigned default/nginx to w3-k8s',
        '  Normal  Pulling    24s   kubelet, w3-k8s    Pulling image "nginx:1.16.0"',
        '  Normal  Pulled     21s   kubelet, w3-k8s    Successfully pulled image "nginx:1.16.0"',
        '  Normal  Created    21s   kubelet, w3-k8s    Created container nginx',
        '  Normal  Started    20s   kubelet, w3-k8s    Started container nginx',
      ].join('\n'),
    );
  });

  it('Killing and BackOff are the container’s too; the sandbox’s events are the pod’s', () => {
    const s = new Session({ seed: 7 });
    runAt(s, 'm-k8s', 'kubectl run crash --image=busybox -- false');
    wait(s, 60);
    runAt(s, 'm-k8s', 'kubectl run web --image=nginx');
    wait(s, 20);
    runAt(s, 'm-k8s', 'kubectl delete pod web --wait=false');
    wait(s, 5);
    const sub = (reason: string) =>
      runAt(
        s,
        'm-k8s',
        `kubectl get events --field-selector reason=${reason} -o jsonpath='{range .items[*]}{.involvedObject.name} {.involvedObject.fieldPath}{"\\n"}{end}'`,
      ).text;
    expect(sub('BackOff')).toBe('crash spec.containers{crash}\n');
    expect(sub('Killing')).toBe('web spec.containers{web}\n');
    expect(sub('Scheduled')).toBe('crash \nweb \n');
  });
});
