import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt } from './testing/drive';
import { FakeCluster } from './testing/fakeCluster';

function lab(opts: { lab?: 'fresh' | 'ready' } = {}) {
  const cluster = new FakeCluster(opts);
  const session = new Session({ cluster });
  return { cluster, session, m: (line: string) => runAt(session, 'm-k8s', line) };
}

describe('kubectl errors, as kubectl 1.18 prints them (facts §4)', () => {
  it('rejects unknown commands with a suggestion and unknown flags with a usage hint', () => {
    const { m } = lab();
    expect(m('kubectl gte pods')).toMatchObject({
      stderr:
        'Error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n\nRun \'kubectl --help\' for usage.',
      code: 1,
    });
    expect(m('kubectl frobnicate').stderr).toBe(
      'Error: unknown command "frobnicate" for "kubectl"\nRun \'kubectl --help\' for usage.',
    );
    expect(m('kubectl get pods --colour').stderr).toBe(
      "Error: unknown flag: --colour\nSee 'kubectl get --help' for usage.",
    );
    expect(m('kubectl get pods -x').stderr).toBe(
      "Error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.",
    );
    expect(m('kubectl scale deployment x --replicas=three').stderr).toBe(
      'Error: invalid argument "three" for "--replicas" flag: strconv.ParseInt: parsing "three": invalid syntax\nSee \'kubectl scale --help\' for usage.',
    );
    // Both mark --image required (MarkFlagRequired in 1.18.4's run.go and create_deployment.go):
    // cobra refuses in its own words, as kubectl 1.20.2 prints them.
    expect(m('kubectl create deployment web').stderr).toBe('Error: required flag(s) "image" not set');
    expect(m('kubectl run web').stderr).toBe('Error: required flag(s) "image" not set');
    expect(m('kubectl get foos').stderr).toBe('error: the server doesn\'t have a resource type "foos"');
  });

  it('reports what the API server says: NotFound and AlreadyExists with the file', () => {
    const { m } = lab();
    expect(m('kubectl get pod nginx-pod')).toMatchObject({
      stderr: 'Error from server (NotFound): pods "nginx-pod" not found',
      code: 1,
    });
    expect(m('kubectl delete pod nginx-pod').stderr).toBe(
      'Error from server (NotFound): pods "nginx-pod" not found',
    );
    expect(m('kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml').text).toBe(
      'pod/nginx-pod created',
    );
    expect(m('kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml').stderr).toBe(
      'Error from server (AlreadyExists): error when creating "/root/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml": pods "nginx-pod" already exists',
    );
    expect(m('kubectl create -f nope.yaml').stderr).toBe('error: the path "nope.yaml" does not exist');
  });

  it('says No resources found on stderr, with the namespace', () => {
    const { m } = lab();
    expect(m('kubectl get pods')).toMatchObject({
      stdout: '',
      stderr: 'No resources found in default namespace.',
      code: 0,
    });
    expect(m('kubectl get pods -n kube-system').stderr).toBe('No resources found in kube-system namespace.');
    expect(m('kubectl get pods -A').stderr).toBe('No resources found');
  });

  it('is refused on localhost:8080 without a kubeconfig, and on 6443 when the API server is down', () => {
    const { session, cluster, m } = lab();
    expect(runAt(session, 'w1-k8s', 'kubectl get pods').stderr).toBe(
      'The connection to the server localhost:8080 was refused - did you specify the right host or port?',
    );
    expect(runAt(session, 'w1-k8s', 'kubectl get pods --kubeconfig admin.conf').stderr).toBe(
      'error: stat admin.conf: no such file or directory',
    );
    cluster.apiUp = false;
    expect(m('kubectl get nodes')).toMatchObject({
      stderr:
        'The connection to the server 192.168.1.10:6443 was refused - did you specify the right host or port?',
      code: 1,
    });
    // -o -wide fails only after the request, so a dead API server wins (facts §4).
    expect(m('kubectl get pods -o -wide').stderr).toBe(
      'The connection to the server 192.168.1.10:6443 was refused - did you specify the right host or port?',
    );
  });
});

describe('kubectl delete', () => {
  it('waits until the pod is gone, and hangs while its kubelet is down until Ctrl+C', () => {
    const { session, m } = lab();
    m('kubectl run web --image=nginx');
    runAt(session, 'm-k8s', 'sleep 3');
    const del = session.run('m-k8s', 'kubectl delete pod web');
    session.advanceTo((session.now() + 100) as never);
    expect(del.text()).toBe('pod "web" deleted');
    expect(del.done).toBe(false);
    session.advanceTo((session.now() + 2000) as never);
    expect(del).toMatchObject({ done: true, exitCode: 0 });

    m('kubectl run web --image=nginx');
    runAt(session, 'm-k8s', 'sleep 3');
    runAt(session, 'w2-k8s', 'systemctl stop kubelet');
    expect(m('kubectl delete pod web').text).toBe('pod "web" deleted\n^C');
    expect(m('kubectl get pods').text).toMatch(
      /^NAME +READY +STATUS +RESTARTS +AGE\nweb {4}1\/1 {5}Terminating {3}0 {10}3m\d+s$/,
    );
  });

  it('force-deletes at once with --grace-period=0 --force', () => {
    const { session, m } = lab();
    m('kubectl run web --image=nginx');
    runAt(session, 'w2-k8s', 'systemctl stop kubelet');
    expect(m('kubectl delete pod web --grace-period=0 --force')).toMatchObject({
      stdout: 'pod "web" force deleted',
      stderr:
        'warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
      code: 0,
    });
    expect(m('kubectl get pods').stderr).toBe('No resources found in default namespace.');
  });
});

describe('kubectl get tables', () => {
  it('prints -o wide, -o name and several types at once', () => {
    const { session, m } = lab();
    m('kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml');
    runAt(session, 'm-k8s', 'sleep 10');
    expect(m('kubectl get pods -o wide').text).toMatch(
      /^NAME {8}READY {3}STATUS {4}RESTARTS {3}AGE {3}IP {15}NODE {5}NOMINATED NODE {3}READINESS GATES\nnginx-pod {3}1\/1 {5}Running {3}0 {10}1\ds {3}172\.16\.103\.129 {3}w2-k8s {3}<none> {11}<none>$/,
    );
    expect(m('kubectl get pods -o name').text).toBe('pod/nginx-pod');
    expect(m('kubectl get nodes -o wide').text.split('\n')[1]).toBe(
      'm-k8s    Ready    master   29m   v1.18.4   192.168.1.10    <none>        CentOS Linux 7 (Core)   3.10.0-1127.19.1.el7.x86_64   docker://1.13.1',
    );
    m('kubectl create deployment web --image=nginx');
    expect(m('kubectl get deploy,pod').text.split('\n')[0]).toBe(
      'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
    );
  });

  it('applies a manifest: created, then unchanged', () => {
    const { m } = lab();
    expect(m('kubectl apply -f ~/_Book_k8sInfra/ch3/3.2.8/echo-hname.yaml').text).toBe(
      'deployment.apps/echo-hname created',
    );
    expect(m('kubectl apply -f ~/_Book_k8sInfra/ch3/3.2.8/echo-hname.yaml').text).toBe(
      'deployment.apps/echo-hname unchanged',
    );
    expect(m('kubectl scale deployment echo-hname --replicas=5').text).toBe(
      'deployment.apps/echo-hname scaled',
    );
    expect(m('kubectl apply -f ~/_Book_k8sInfra/ch3/3.2.8/echo-hname.yaml').text).toBe(
      'deployment.apps/echo-hname configured',
    );
  });
});
