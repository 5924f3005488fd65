// Services as a pod finds them: the kubelet's docker-links variables in its
// environment, and names through CoreDNS with busybox's nslookup and wget.
// Sources in docs/FACTS-containers.md (Services from pods).
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt, wait } from './testing/drive';
import { runScript } from './transcript';

function transcript(s: Session, lines: readonly string[]): string {
  const out: string[] = [];
  runScript(s, lines, (t) => out.push(t));
  return out.join('\n');
}

const KUBERNETES_ENV = [
  'KUBERNETES_SERVICE_HOST=10.96.0.1',
  'KUBERNETES_SERVICE_PORT=443',
  'KUBERNETES_SERVICE_PORT_HTTPS=443',
  'KUBERNETES_PORT=tcp://10.96.0.1:443',
  'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443',
  'KUBERNETES_PORT_443_TCP_PROTO=tcp',
  'KUBERNETES_PORT_443_TCP_PORT=443',
  'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
];

/** A busybox pod started before the Service `web`, then the Service, then a second pod. */
function lab() {
  const s = new Session({ seed: 3 });
  runAt(s, 'm-k8s', 'kubectl run early --image=busybox -- sleep 3600');
  wait(s, 20);
  runAt(s, 'm-k8s', 'kubectl create deployment web --image=nginx');
  runAt(s, 'm-k8s', 'kubectl expose deployment web --port=80');
  runAt(s, 'm-k8s', 'kubectl run box --image=busybox -- sleep 3600');
  wait(s, 20);
  return s;
}

describe('Service environment variables (enableServiceLinks)', () => {
  it('a container gets every Service of its namespace that existed when it started, and no later one', () => {
    const s = lab();
    const ip = runAt(s, 'm-k8s', "kubectl get svc web -o jsonpath='{.spec.clusterIP}'").text;
    expect(ip).toBe('10.98.173.101');
    expect(runAt(s, 'm-k8s', 'kubectl exec box -- env').text).toBe(
      [
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'HOSTNAME=box',
        ...KUBERNETES_ENV,
        `WEB_SERVICE_HOST=${ip}`,
        'WEB_SERVICE_PORT=80',
        `WEB_PORT=tcp://${ip}:80`,
        `WEB_PORT_80_TCP=tcp://${ip}:80`,
        'WEB_PORT_80_TCP_PROTO=tcp',
        'WEB_PORT_80_TCP_PORT=80',
        `WEB_PORT_80_TCP_ADDR=${ip}`,
        'HOME=/root',
      ].join('\n'),
    );
    expect(runAt(s, 'm-k8s', 'kubectl exec early -- env').text).toBe(
      [
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'HOSTNAME=early',
        ...KUBERNETES_ENV,
        'HOME=/root',
      ].join('\n'),
    );
  });

  it('names each named port, turns dashes into underscores, and keeps other namespaces out', () => {
    const s = new Session({ seed: 3 });
    runAt(s, 'm-k8s', 'kubectl create service nodeport my-web --tcp=80:80');
    runAt(s, 'm-k8s', 'kubectl create namespace other');
    runAt(s, 'm-k8s', 'kubectl create service clusterip elsewhere -n other --tcp=8080:80');
    runAt(s, 'm-k8s', 'kubectl run box --image=busybox -- sleep 3600');
    wait(s, 20);
    const ip = runAt(s, 'm-k8s', "kubectl get svc my-web -o jsonpath='{.spec.clusterIP}'").text;
    const env = runAt(s, 'm-k8s', 'kubectl exec box -- env').text.split('\n');
    expect(env.filter((l) => l.startsWith('MY_WEB'))).toEqual([
      `MY_WEB_SERVICE_HOST=${ip}`,
      'MY_WEB_SERVICE_PORT=80',
      'MY_WEB_SERVICE_PORT_80_80=80',
      `MY_WEB_PORT=tcp://${ip}:80`,
      `MY_WEB_PORT_80_TCP=tcp://${ip}:80`,
      'MY_WEB_PORT_80_TCP_PROTO=tcp',
      'MY_WEB_PORT_80_TCP_PORT=80',
      `MY_WEB_PORT_80_TCP_ADDR=${ip}`,
    ]);
    expect(env.some((l) => l.startsWith('ELSEWHERE'))).toBe(false);
  });
});

describe('Service names from a pod (busybox 1.32 nslookup and wget, CoreDNS)', () => {
  it('nslookup searches a short name, asks a dotted one as it is, and waits out its timeout', () => {
    const s = lab();
    const ip = '10.98.173.101';
    const t0 = s.now();
    expect(
      transcript(s, [
        'kubectl exec -it box -- sh',
        'nslookup web',
        'nslookup web.default.svc.cluster.local',
        'nslookup kubernetes.default',
        'nslookup nope',
        'wget -qO- http://web | head -4',
        'exit',
      ]),
    ).toBe(
      [
        '[root@m-k8s ~]# kubectl exec -it box -- sh',
        '/ # nslookup web',
        'Server:\t\t10.96.0.10',
        'Address:\t10.96.0.10:53',
        '',
        'Name:\tweb.default.svc.cluster.local',
        `Address: ${ip}`,
        '',
        "*** Can't find web.svc.cluster.local: No answer",
        "*** Can't find web.cluster.local: No answer",
        "*** Can't find web.default.svc.cluster.local: No answer",
        "*** Can't find web.svc.cluster.local: No answer",
        "*** Can't find web.cluster.local: No answer",
        '',
        '/ # nslookup web.default.svc.cluster.local',
        'Server:\t\t10.96.0.10',
        'Address:\t10.96.0.10:53',
        '',
        'Name:\tweb.default.svc.cluster.local',
        `Address: ${ip}`,
        '',
        "*** Can't find web.default.svc.cluster.local: No answer",
        '',
        '/ # nslookup kubernetes.default',
        'Server:\t\t10.96.0.10',
        'Address:\t10.96.0.10:53',
        '',
        "** server can't find kubernetes.default: NXDOMAIN",
        '',
        "*** Can't find kubernetes.default: No answer",
        '',
        '/ # nslookup nope',
        'Server:\t\t10.96.0.10',
        'Address:\t10.96.0.10:53',
        '',
        "** server can't find nope.default.svc.cluster.local: NXDOMAIN",
        '',
        "*** Can't find nope.svc.cluster.local: No answer",
        "*** Can't find nope.cluster.local: No answer",
        "*** Can't find nope.default.svc.cluster.local: No answer",
        "*** Can't find nope.svc.cluster.local: No answer",
        "*** Can't find nope.cluster.local: No answer",
        '',
        '/ # wget -qO- http://web | head -4',
        '<!DOCTYPE html>',
        '<html>',
        '<head>',
        '<title>Welcome to nginx!</title>',
        '/ # exit',
        '[root@m-k8s ~]# ',
      ]
        .join('\n')
        .replace(/\n\[root@m-k8s ~\]# $/, ''),
    );
    // Four lookups of 5 s each, five lines a second apart and exec's round trips.
    expect(s.now() - t0).toBeGreaterThan(20_000);
  });

  it('with CoreDNS down: nslookup times out and wget finds no address', () => {
    const s = lab();
    s.cluster.dispatch({ type: 'coredns.down' });
    expect(
      transcript(s, ['kubectl exec -it box -- sh', 'nslookup web', 'wget -qO- http://web', 'exit']),
    ).toBe(
      [
        '[root@m-k8s ~]# kubectl exec -it box -- sh',
        '/ # nslookup web',
        ';; connection timed out; no servers could be reached',
        '',
        '/ # wget -qO- http://web',
        "wget: bad address 'web'",
        '/ # exit',
        'command terminated with exit code 1',
      ].join('\n'),
    );
  });

  it('busybox 1.28 (the Kubernetes docs’ DNS image) asks its libc: search list and reverse names', () => {
    const s = new Session({ seed: 3 });
    runAt(s, 'm-k8s', 'kubectl run old --image=busybox:1.28 -- sleep 3600');
    wait(s, 20);
    expect(
      transcript(s, ['kubectl exec old -- nslookup kubernetes.default', 'kubectl exec old -- nslookup nope']),
    ).toBe(
      [
        '[root@m-k8s ~]# kubectl exec old -- nslookup kubernetes.default',
        'Server:    10.96.0.10',
        'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local',
        '',
        'Name:      kubernetes.default',
        'Address 1: 10.96.0.1 kubernetes.default.svc.cluster.local',
        '[root@m-k8s ~]# kubectl exec old -- nslookup nope',
        'Server:    10.96.0.10',
        'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local',
        '',
        "nslookup: can't resolve 'nope'",
        'command terminated with exit code 1',
      ].join('\n'),
    );
    s.cluster.dispatch({ type: 'coredns.down' });
    expect(runAt(s, 'm-k8s', 'kubectl exec old -- nslookup kubernetes.default').text).toBe(
      [
        'Server:    10.96.0.10',
        'Address 1: 10.96.0.10',
        '',
        "nslookup: can't resolve 'kubernetes.default'",
        'command terminated with exit code 1',
      ].join('\n'),
    );
  });

  it('ping from busybox: a pod answers, a Service’s name resolves but its ClusterIP never answers', () => {
    const s = lab();
    const web = s.cluster.pods().find((p) => p.name.startsWith('web-'));
    const t0 = s.now();
    expect(
      transcript(s, [
        'kubectl exec -it box -- sh',
        `ping -c 2 ${web?.ip}`,
        'ping -c 2 web',
        'ping -c 1 nope',
        'exit',
      ]),
    ).toBe(
      [
        '[root@m-k8s ~]# kubectl exec -it box -- sh',
        `/ # ping -c 2 ${web?.ip}`,
        `PING ${web?.ip} (${web?.ip}): 56 data bytes`,
        `64 bytes from ${web?.ip}: seq=0 ttl=62 time=0.090 ms`,
        `64 bytes from ${web?.ip}: seq=1 ttl=62 time=0.460 ms`,
        '',
        `--- ${web?.ip} ping statistics ---`,
        '2 packets transmitted, 2 packets received, 0% packet loss',
        'round-trip min/avg/max = 0.090/0.275/0.460 ms',
        '/ # ping -c 2 web',
        'PING web (10.98.173.101): 56 data bytes',
        '',
        '--- web ping statistics ---',
        '2 packets transmitted, 0 packets received, 100% packet loss',
        '/ # ping -c 1 nope',
        "ping: bad address 'nope'",
        '/ # exit',
        'command terminated with exit code 1',
      ].join('\n'),
    );
    // The unanswered ping waits 10 s after its last echo.
    expect(s.now() - t0).toBeGreaterThan(13_000);
  });

  it('a host resolves through 1.1.1.1, which knows no Service names', () => {
    const s = lab();
    expect(runAt(s, 'm-k8s', 'curl web').text).toBe('curl: (6) Could not resolve host: web; Unknown error');
  });
});
