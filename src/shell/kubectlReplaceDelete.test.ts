// kubectl replace -f as 1.18.4 does it (pkg/cmd/replace, resource.Helper.Replace): the
// round trip `get -o yaml`, edit, `replace -f`; a file naming an old resourceVersion
// conflicts; a pod's spec cannot change; a missing object is NotFound; 1.18.4's replace
// has no --record. Real kubectl 1.20.2 and 1.33 print the same against `npm run api`
// (src/api/realKubectl.test.ts, "the verbs around chapter 3").
// and kubectl delete --timeout (pkg/cmd/delete, pkg/cmd/wait).
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const at = (s: Session, line: string) => runAt(s, 'm-k8s', line);
const NGINX_POD = '~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml';

describe('kubectl replace', () => {
  it('replaces what get -o yaml printed and the file changed, once: the second time the version is old', () => {
    const s = new Session({ seed: 3 });
    at(s, 'kubectl create deployment web --image=nginx');
    at(s, 'kubectl get deployment web -o yaml > web.yaml');
    at(s, "sed -i 's/replicas: 1/replicas: 3/' web.yaml");
    expect(at(s, 'kubectl replace -f web.yaml')).toMatchObject({
      stdout: 'deployment.apps/web replaced',
      code: 0,
    });
    wait(s, 20);
    expect(at(s, 'kubectl get deployment web -o jsonpath={.status.readyReplicas}').stdout).toBe('3');
    // Same template: no new ReplicaSet.
    expect(at(s, 'kubectl get rs -o name').stdout.split('\n')).toHaveLength(1);
    const again = at(s, 'kubectl replace -f web.yaml');
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      'Error from server (Conflict): error when replacing "web.yaml": Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('refuses a pod whose spec changes, says NotFound for what is not there, and knows its flags', () => {
    const s = new Session({ seed: 3 });
    expect(at(s, `kubectl replace -f ${NGINX_POD}`).stderr).toBe(
      `Error from server (NotFound): error when replacing "${NGINX_POD.replace('~', '/root')}": pods "nginx-pod" not found`,
    );
    at(s, `kubectl create -f ${NGINX_POD}`);
    wait(s, 10);
    const pod = at(s, `kubectl replace -f ${NGINX_POD}`);
    expect(pod.code).toBe(1);
    expect(pod.stderr).toBe(
      'The Pod "nginx-pod" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`, `spec.initContainers[*].image`, `spec.activeDeadlineSeconds` or `spec.tolerations` (only additions to existing tolerations)',
    );
    expect(at(s, 'kubectl replace').stderr).toBe('error: must specify one of -f and -k');
    expect(at(s, `kubectl replace --record -f ${NGINX_POD}`).stderr).toBe(
      "Error: unknown flag: --record\nSee 'kubectl replace --help' for usage.",
    );
    expect(at(s, `kubectl replace --grace-period=0 -f ${NGINX_POD}`).stderr).toBe(
      'error: --grace-period must have --force specified',
    );
  });
});

describe('kubectl delete --timeout', () => {
  it('gives up on a pod its stopped kubelet cannot finish, and says so', () => {
    const s = new Session({ seed: 3 });
    at(s, `kubectl create -f ${NGINX_POD}`);
    wait(s, 10);
    const node = at(s, 'kubectl get pod nginx-pod -o jsonpath={.spec.nodeName}').stdout;
    runAt(s, node as 'w1-k8s', 'systemctl stop kubelet');
    const del = at(s, 'kubectl delete pod nginx-pod --timeout=3s');
    expect(del).toMatchObject({
      stdout: 'pod "nginx-pod" deleted',
      stderr: 'error: timed out waiting for the condition on pods/nginx-pod',
      code: 1,
    });
    expect(at(s, 'kubectl delete pod nginx-pod --timeout=3').stderr).toBe(
      `Error: invalid argument "3" for "--timeout" flag: time: missing unit in duration 3\nSee 'kubectl delete --help' for usage.`,
    );
  });
});
