// The API objects as kubectl 1.18.4 prints them from a 1.18.4 API server: every field
// the server returns with its defaults, selfLink, managedFields as the field manager
// writes them, keys sorted (kubectl decodes into maps), JSON indented by four; and
// describe node / pod in 1.18's layout. Whole outputs, seed 7; the facts behind each
// field are in docs/FACTS-kubectl.md §13. The golden files are the lab's outputs checked
// line by line against the 1.18.4 sources named there (no 1.18 cluster runs here).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const golden = (name: string) =>
  readFileSync(join(__dirname, 'golden', 'objects', name), 'utf8').replace(/\n$/, '');

function withNginx(): Session {
  const s = new Session({ seed: 7 });
  expect(runAt(s, 'm-k8s', 'kubectl run nginx --image=nginx').text).toBe('pod/nginx created');
  wait(s, 20);
  return s;
}

describe('kubectl get -o yaml|json: the real API objects', () => {
  it('a pod kubectl ran: defaults, admission, managedFields of kubectl, calico and the kubelet', () => {
    const s = withNginx();
    expect(runAt(s, 'm-k8s', 'kubectl get pod nginx -o yaml').text).toBe(golden('get-pod-nginx-yaml.txt'));
    expect(runAt(s, 'm-k8s', 'kubectl get pod nginx -o json').text).toBe(golden('get-pod-nginx-json.txt'));
  });

  it('a node: capacity and allocatable as quantities, nodeInfo, annotations and five managers', () => {
    const s = new Session({ seed: 7 });
    expect(runAt(s, 'm-k8s', 'kubectl get node w1-k8s -o yaml').text).toBe(golden('get-node-w1-yaml.txt'));
  });

  it('a Deployment and a Service kubeadm created, with the defaults the API server added', () => {
    const s = new Session({ seed: 7 });
    expect(runAt(s, 'm-k8s', 'kubectl get deployment coredns -n kube-system -o yaml').text).toBe(
      golden('get-deploy-coredns-yaml.txt'),
    );
    expect(runAt(s, 'm-k8s', 'kubectl get svc kube-dns -n kube-system -o yaml').text).toBe(
      golden('get-svc-kube-dns-yaml.txt'),
    );
  });

  it('a label written later is kubectl’s, and the field stays the creator’s otherwise', () => {
    const s = withNginx();
    runAt(s, 'm-k8s', 'kubectl label pod nginx tier=web');
    const yaml = runAt(s, 'm-k8s', 'kubectl get pod nginx -o yaml').text;
    const kubectl = yaml.slice(yaml.indexOf('  managedFields:'), yaml.indexOf('    manager: kubectl'));
    expect(kubectl).toContain(
      '        f:labels:\n          .: {}\n          f:run: {}\n          f:tier: {}\n',
    );
  });
});

describe('kubectl describe node (1.18.4 describeNode)', () => {
  it('the master: annotations, lease, Calico’s condition, allocatable, system info, pod CIDR, requests', () => {
    const s = new Session({ seed: 7 });
    expect(runAt(s, 'm-k8s', 'kubectl describe node m-k8s').text).toBe(golden('describe-node-m.txt'));
  });

  it('after the kubelet comes back: conditions transition again and its start events are recorded anew', () => {
    const s = withNginx();
    runAt(s, 'w3-k8s', 'systemctl stop kubelet');
    wait(s, 65);
    runAt(s, 'w3-k8s', 'systemctl start kubelet');
    wait(s, 15);
    expect(runAt(s, 'm-k8s', 'kubectl describe node w3-k8s').text).toBe(
      golden('describe-node-w3-restarted.txt'),
    );
  });
});

describe('kubectl describe pod (1.18.4 describePod)', () => {
  it('Container ID and Image ID, Calico’s podIP annotation, the token mount and volume', () => {
    const s = withNginx();
    expect(runAt(s, 'm-k8s', 'kubectl describe pod nginx').text).toBe(golden('describe-pod-nginx.txt'));
  });

  it('a pod deleted while its kubelet is down: Terminating, and the grace period it was given', () => {
    const s = withNginx();
    runAt(s, 'w3-k8s', 'systemctl stop kubelet');
    runAt(s, 'm-k8s', 'kubectl delete pod nginx --wait=false');
    wait(s, 5);
    const text = runAt(s, 'm-k8s', 'kubectl describe pod nginx').text;
    // deletionTimestamp is the end of the grace period, still ahead: HumanDuration of a
    // negative age is <invalid>, as 1.18 prints it.
    expect(text.split('\n').slice(7, 9)).toEqual([
      'Status:                    Terminating (lasts <invalid>)',
      'Termination Grace Period:  30s',
    ]);
    expect(text).toBe(golden('describe-pod-terminating.txt'));
  });
});

describe('kubectl get events (the 1.18 API server’s printEvent)', () => {
  it('-o wide: SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME among the columns, in its order', () => {
    const s = new Session({ seed: 7 });
    expect(
      runAt(s, 'm-k8s', 'kubectl get events -o wide --field-selector involvedObject.name=w3-k8s').text,
    ).toBe(golden('get-events-w3-wide.txt'));
  });

  it('LAST SEEN is the last time alone; the count is describe’s, or -o wide’s COUNT', () => {
    const s = new Session({ seed: 7 });
    runAt(s, 'm-k8s', 'kubectl run crash --image=busybox -- false');
    wait(s, 120);
    const row =
      runAt(s, 'm-k8s', 'kubectl get events --field-selector reason=BackOff').text.split('\n')[1] ?? '';
    expect(row).toMatch(/^\d+s +Warning +BackOff +pod\/crash +Back-off restarting failed container$/);
    const wide = runAt(s, 'm-k8s', 'kubectl get events -o wide --field-selector reason=BackOff').text.split(
      '\n',
    )[1];
    expect(wide).toMatch(
      / Back-off restarting failed container +\d+s +(?:[2-9]|[1-9]\d+) +crash\.[0-9a-z]+$/,
    );
  });
});

describe('events live an hour (--event-ttl=1h)', () => {
  it('the setup’s node events are gone from etcd an hour after they were written', () => {
    const s = new Session({ seed: 7 });
    expect(
      runAt(s, 'm-k8s', 'kubectl get events --field-selector involvedObject.name=w3-k8s').text,
    ).toContain('Starting kubelet.');
    wait(s, 50 * 60);
    expect(runAt(s, 'm-k8s', 'kubectl get events --field-selector involvedObject.name=w3-k8s').text).toBe(
      'No resources found in default namespace.',
    );
  });
});
