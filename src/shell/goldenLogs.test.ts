// kubectl logs on the lab: nginx's entrypoint lines (nginx 1.19.0's docker-entrypoint.sh),
// an access-log line in nginx's "main" format for every request that reaches the pod,
// busybox's own output, and the kubelet's errors (docs/FACTS-containers.md).
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const NGINX = '~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml';
const ENTRYPOINT = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];
const ACCESS = (from: string) =>
  new RegExp(
    `^${from.replace(/\./g, '\\.')} - - \\[06/Jul/2020:01:\\d\\d:\\d\\d \\+0000\\] "GET / HTTP/1\\.1" 200 612 "-" "curl/7\\.29\\.0" "-"$`,
  );

describe('kubectl logs nginx-pod (the book 3.1.6 pod)', () => {
  it('is refused while the container is being created, then shows the entrypoint and one line per curl', () => {
    const s = new Session();
    runAt(s, 'm-k8s', `kubectl create -f ${NGINX}`);
    const early = runAt(s, 'm-k8s', 'kubectl logs nginx-pod');
    expect(early.text).toBe(
      'Error from server (BadRequest): container "container-name" in pod "nginx-pod" is waiting to start: ContainerCreating',
    );
    expect(early.code).toBe(1);
    wait(s, 20);
    expect(runAt(s, 'm-k8s', 'kubectl logs nginx-pod').text).toBe(ENTRYPOINT.join('\n'));
    const ip = runAt(s, 'm-k8s', 'kubectl get pods -o wide').text.split('\n')[1]?.split(/\s+/)[5] ?? '';
    runAt(s, 'm-k8s', `curl -s ${ip}`);
    runAt(s, 'w1-k8s', `curl -s ${ip}`);
    const lines = runAt(s, 'm-k8s', 'kubectl logs nginx-pod').text.split('\n');
    expect(lines.slice(0, 7)).toEqual(ENTRYPOINT);
    expect(lines).toHaveLength(9);
    // From a host, Calico's IPIP route sends the request from the host's tunl0 address.
    expect(lines[7]).toMatch(ACCESS('172.16.171.64'));
    expect(lines[8]).toMatch(ACCESS('172.16.221.128'));
    expect(runAt(s, 'm-k8s', 'kubectl logs nginx-pod --tail 1').text).toMatch(ACCESS('172.16.221.128'));
    expect(runAt(s, 'm-k8s', 'kubectl logs nginx-pod --tail=0').text).toBe('');
    expect(runAt(s, 'm-k8s', 'kubectl logs nginx-pod --since=1h').text.split('\n')).toHaveLength(9);
    expect(runAt(s, 'm-k8s', 'kubectl logs nginx-pod -p').text).toBe(
      'Error from server (BadRequest): previous terminated container "container-name" in pod "nginx-pod" not found',
    );
  });

  it('-f prints each new request as it comes, until Ctrl+C', () => {
    const s = new Session();
    runAt(s, 'm-k8s', `kubectl create -f ${NGINX}`);
    wait(s, 20);
    const ip = runAt(s, 'm-k8s', 'kubectl get pods -o wide').text.split('\n')[1]?.split(/\s+/)[5] ?? '';
    const job = s.run('m-k8s', 'kubectl logs -f nginx-pod');
    wait(s, 2);
    expect(job.done).toBe(false);
    runAt(s, 'w3-k8s', `curl -s ${ip}`);
    wait(s, 2);
    s.interrupt('m-k8s');
    const out = job.text().split('\n');
    expect(out.slice(0, 7)).toEqual(ENTRYPOINT);
    expect(out[7]).toMatch(ACCESS('172.16.132.0'));
    expect(out[8]).toBe('^C');
  });

  it('says the kubelet does not answer when it is stopped', () => {
    const s = new Session();
    runAt(s, 'm-k8s', `kubectl create -f ${NGINX}`);
    wait(s, 20);
    runAt(s, 'w2-k8s', 'systemctl stop kubelet');
    expect(runAt(s, 'm-k8s', 'kubectl logs nginx-pod').text).toBe(
      'Error from server: Get https://192.168.1.102:10250/containerLogs/default/nginx-pod/container-name: dial tcp 192.168.1.102:10250: connect: connection refused',
    );
  });
});

describe('kubectl logs of busybox and of a pod without its image', () => {
  it('shows what the command printed, and with --previous the container before', () => {
    const s = new Session();
    runAt(s, 'm-k8s', 'kubectl run busy --image=busybox -- sh -c "echo hello; sleep 2; echo bye"');
    wait(s, 30);
    expect(runAt(s, 'm-k8s', 'kubectl logs busy --previous').text).toBe('hello\nbye');
    expect(runAt(s, 'm-k8s', 'kubectl logs pod/busy -p').text).toBe('hello\nbye');
  });

  it('says why a container that never started has no log', () => {
    const s = new Session();
    runAt(s, 'm-k8s', 'kubectl run bad --image=nginx:nosuchtag');
    wait(s, 4);
    expect(runAt(s, 'm-k8s', 'kubectl logs bad').text).toBe(
      `Error from server (BadRequest): container "bad" in pod "bad" is waiting to start: image can't be pulled`,
    );
    wait(s, 25);
    const later = runAt(s, 'm-k8s', 'kubectl logs bad').text;
    expect([
      `Error from server (BadRequest): container "bad" in pod "bad" is waiting to start: image can't be pulled`,
      'Error from server (BadRequest): container "bad" in pod "bad" is waiting to start: trying and failing to pull image',
    ]).toContain(later);
  });

  it('asks for a pod, and names a missing one', () => {
    const s = new Session();
    expect(runAt(s, 'm-k8s', 'kubectl logs').text).toBe(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples",
    );
    expect(runAt(s, 'm-k8s', 'kubectl logs nosuch').text).toBe(
      'Error from server (NotFound): pods "nosuch" not found',
    );
    expect(runAt(s, 'm-k8s', 'kubectl logs nosuch -c x').code).toBe(1);
  });
});
