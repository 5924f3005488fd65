// The seed's "a user reaches a pod" with real commands (issue 13): expose a
// Deployment, see its Endpoints, curl it through kube-proxy's rules by ClusterIP
// and by NodePort and find the access-log lines, watch the rules appear and go, and
// break kube-proxy. Outputs are kubectl 1.18's, iptables 1.4.21's and curl 7.29's
// (docs/FACTS-containers.md "Services, Endpoints and kube-proxy").
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const access = (from: string, agent = 'curl/7.29.0') =>
  new RegExp(
    `^${from.replace(/\./g, '\\.')} - - \\[06/Jul/2020:01:\\d\\d:\\d\\d \\+0000\\] "GET / HTTP/1\\.1" 200 612 "-" "${agent.replace(/\./g, '\\.')}" "-"$`,
  );

/** seed 7: a two-pod Deployment `web` on w3-k8s (172.16.132.1) and w1-k8s (172.16.221.129), exposed as a NodePort. */
function exposedWeb(): Session {
  const s = new Session({ seed: 7 });
  expect(runAt(s, 'm-k8s', 'kubectl create deployment web --image=nginx').text).toBe(
    'deployment.apps/web created',
  );
  runAt(s, 'm-k8s', 'kubectl scale deployment web --replicas=2');
  wait(s, 40);
  expect(runAt(s, 'm-k8s', 'kubectl expose deployment web --port=80 --type=NodePort').text).toBe(
    'service/web exposed',
  );
  wait(s, 2);
  return s;
}

describe('kubectl expose and the Service it makes', () => {
  it('allocates a ClusterIP and a NodePort, and the endpoints controller lists the Ready pods', () => {
    const s = exposedWeb();
    expect(runAt(s, 'm-k8s', 'kubectl get svc').text).toBe(
      [
        'NAME         TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)        AGE',
        'kubernetes   ClusterIP   10.96.0.1        <none>        443/TCP        29m',
        'web          NodePort    10.106.160.230   <none>        80:30518/TCP   3s',
      ].join('\n'),
    );
    expect(runAt(s, 'm-k8s', 'kubectl get endpoints web').text).toBe(
      [
        'NAME   ENDPOINTS                           AGE',
        'web    172.16.132.1:80,172.16.221.129:80   4s',
      ].join('\n'),
    );
    expect(runAt(s, 'm-k8s', 'kubectl describe svc web').text).toBe(
      [
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   app=web',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     NodePort',
        'IP:                       10.106.160.230',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               80/TCP',
        'NodePort:                 <unset>  30518/TCP',
        'Endpoints:                172.16.132.1:80,172.16.221.129:80',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Events:                   <none>',
      ].join('\n'),
    );
    expect(runAt(s, 'm-k8s', 'kubectl describe ep web').text).toBe(
      [
        'Name:         web',
        'Namespace:    default',
        'Labels:       app=web',
        'Annotations:  <none>',
        'Subsets:',
        '  Addresses:          172.16.132.1,172.16.221.129',
        '  NotReadyAddresses:  <none>',
        '  Ports:',
        '    Name     Port  Protocol',
        '    ----     ----  --------',
        '    <unset>  80    TCP',
        '',
        'Events:  <none>',
      ].join('\n'),
    );
  });

  it('cannot expose the book’s nginx-pod, which has no labels', () => {
    const s = new Session({ seed: 7 });
    runAt(s, 'm-k8s', 'kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml');
    const r = runAt(s, 'm-k8s', 'kubectl expose pod nginx-pod --port=80');
    expect(r.text).toBe(
      "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed",
    );
    expect(r.code).toBe(1);
    expect(runAt(s, 'm-k8s', 'kubectl expose pod nginx-pod').text).toContain('the pod has no labels');
  });

  it('create service clusterip names the port and, with no pods, kube-proxy rejects its ClusterIP', () => {
    const s = new Session({ seed: 7 });
    expect(runAt(s, 'm-k8s', 'kubectl create service clusterip web --tcp=80:80').text).toBe(
      'service/web created',
    );
    wait(s, 2);
    expect(runAt(s, 'm-k8s', 'kubectl get ep web').text).toBe(
      'NAME   ENDPOINTS   AGE\nweb    <none>      3s',
    );
    const ip = runAt(s, 'm-k8s', 'kubectl get svc web -o jsonpath={.spec.clusterIP}').text;
    expect(runAt(s, 'w1-k8s', 'iptables-save | grep web').text).toBe(
      `-A KUBE-SERVICES -d ${ip}/32 -p tcp -m comment --comment "default/web:80-80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable`,
    );
    expect(runAt(s, 'm-k8s', `curl ${ip}`).text).toBe(
      `curl: (7) Failed connect to ${ip}:80; Connection refused`,
    );
  });
});

describe('curl through kube-proxy', () => {
  it('reaches a pod by ClusterIP and by NodePort; nginx logs the node’s tunl0 address; ping gets no answer', () => {
    const s = exposedWeb();
    expect(runAt(s, 'm-k8s', 'curl -s 10.106.160.230 | grep title').text).toBe(
      '<title>Welcome to nginx!</title>',
    );
    expect(runAt(s, 'm-k8s', 'curl -s 192.168.1.102:30518 | grep title').text).toBe(
      '<title>Welcome to nginx!</title>',
    );
    // Both requests were DNATed to the pod on w3-k8s, masqueraded to m-k8s's and w2-k8s's tunl0.
    const lines = runAt(s, 'm-k8s', 'kubectl logs web-79f4bf9859-7trln --tail=2').text.split('\n');
    expect(lines[0]).toMatch(access('172.16.171.64'));
    expect(lines[1]).toMatch(access('172.16.103.128'));
    const ping = runAt(s, 'm-k8s', 'ping -c 1 10.106.160.230');
    expect(ping.text).toContain('1 packets transmitted, 0 received, 100% packet loss');
    expect(ping.code).toBe(1);
  });

  it('spreads requests over the Ready endpoints only', () => {
    const s = exposedWeb();
    for (let i = 0; i < 12; i++) runAt(s, 'w1-k8s', 'curl -s 10.106.160.230 | grep -c title');
    const count = (pod: string) =>
      runAt(s, 'm-k8s', `kubectl logs ${pod}`)
        .text.split('\n')
        .filter((l) => l.includes('"GET / HTTP/1.1"')).length;
    const a = count('web-79f4bf9859-7trln');
    const b = count('web-79f4bf9859-j4blz');
    expect(a + b).toBe(12);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
  });

  it('from a pod: wget finds the Service by name through CoreDNS, and nginx sees the pod’s own address', () => {
    const s = exposedWeb();
    runAt(s, 'm-k8s', 'kubectl run busy --image=busybox -- sleep 3600');
    wait(s, 20);
    const busyIp = runAt(s, 'm-k8s', 'kubectl get pod busy -o jsonpath={.status.podIP}').text;
    expect(runAt(s, 'm-k8s', 'kubectl exec busy -- wget -qO- web | grep title').text).toBe(
      '<title>Welcome to nginx!</title>',
    );
    expect(runAt(s, 'm-k8s', 'kubectl exec busy -- wget -qO- nope').text).toBe(
      "wget: bad address 'nope'\ncommand terminated with exit code 1",
    );
    const logs = ['web-79f4bf9859-7trln', 'web-79f4bf9859-j4blz'].flatMap((p) =>
      runAt(s, 'm-k8s', `kubectl logs ${p}`).text.split('\n'),
    );
    expect(logs.filter((l) => access(busyIp, 'Wget').test(l))).toHaveLength(1);
  });
});

describe('CoreDNS down', () => {
  it('a pod can no longer find the Service by name, but its ClusterIP still answers', () => {
    const s = exposedWeb();
    runAt(s, 'm-k8s', 'kubectl run busy --image=busybox -- sleep 3600');
    wait(s, 20);
    s.cluster.dispatch({ type: 'coredns.down' });
    const byName = runAt(s, 'm-k8s', 'kubectl exec busy -- wget -qO- web');
    expect(byName.text).toBe("wget: bad address 'web'\ncommand terminated with exit code 1");
    expect(byName.code).toBe(1);
    expect(runAt(s, 'm-k8s', 'kubectl exec busy -- wget -qO- 10.106.160.230 | grep title').text).toBe(
      '<title>Welcome to nginx!</title>',
    );
  });
});

describe('iptables on a node', () => {
  it('shows the Service’s chains after expose, and none after the Service is deleted', () => {
    const s = exposedWeb();
    expect(runAt(s, 'w2-k8s', 'iptables -t nat -L KUBE-SVC-LOLE4ISW44XBNF3G -n').text).toBe(
      [
        'Chain KUBE-SVC-LOLE4ISW44XBNF3G (2 references)',
        'target     prot opt source               destination         ',
        'KUBE-SEP-WWSQDTL2HFAVA4SE  all  --  0.0.0.0/0            0.0.0.0/0            /* default/web */ statistic mode random probability 0.50000000000',
        'KUBE-SEP-TNKQ6SN4HLCMFRY7  all  --  0.0.0.0/0            0.0.0.0/0            /* default/web */',
      ].join('\n'),
    );
    expect(runAt(s, 'w2-k8s', 'iptables -t nat -S KUBE-SEP-WWSQDTL2HFAVA4SE').text).toBe(
      [
        '-N KUBE-SEP-WWSQDTL2HFAVA4SE',
        '-A KUBE-SEP-WWSQDTL2HFAVA4SE -s 172.16.132.1/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ',
        '-A KUBE-SEP-WWSQDTL2HFAVA4SE -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 172.16.132.1:80',
      ].join('\n'),
    );
    expect(runAt(s, 'w2-k8s', 'iptables -t nat -L KUBE-SERVICES | grep web').text).toBe(
      [
        'KUBE-MARK-MASQ  tcp  -- !172.16.0.0/16        10.106.160.230       /* default/web cluster IP */ tcp dpt:http',
        'KUBE-SVC-LOLE4ISW44XBNF3G  tcp  --  anywhere             10.106.160.230       /* default/web cluster IP */ tcp dpt:http',
      ].join('\n'),
    );
    expect(runAt(s, 'w2-k8s', 'iptables -t nat -S KUBE-NODEPORTS').text).toBe(
      [
        '-N KUBE-NODEPORTS',
        '-A KUBE-NODEPORTS -p tcp -m comment --comment "default/web" -m tcp --dport 30518 -j KUBE-MARK-MASQ',
        '-A KUBE-NODEPORTS -p tcp -m comment --comment "default/web" -m tcp --dport 30518 -j KUBE-SVC-LOLE4ISW44XBNF3G',
      ].join('\n'),
    );
    expect(runAt(s, 'm-k8s', 'kubectl delete svc web').text).toBe('service "web" deleted');
    wait(s, 2);
    const gone = runAt(s, 'w2-k8s', 'iptables -t nat -L KUBE-SVC-LOLE4ISW44XBNF3G -n');
    expect(gone.text).toBe('iptables: No chain/target/match by that name.');
    expect(gone.code).toBe(1);
    expect(runAt(s, 'w2-k8s', 'iptables-save -t nat | grep -c web').text).toBe('0');
    expect(runAt(s, 'm-k8s', 'curl 192.168.1.102:30518').text).toBe(
      'curl: (7) Failed connect to 192.168.1.102:30518; Connection refused',
    );
    expect(runAt(s, 'm-k8s', 'kubectl get ep web').text).toBe(
      'Error from server (NotFound): endpoints "web" not found',
    );
  });

  it('keeps the kubernetes and kube-dns chains of every cluster, with their real names', () => {
    const s = new Session({ seed: 7 });
    const save = runAt(s, 'w1-k8s', 'iptables-save -t nat').text.split('\n');
    expect(save[0]).toBe('# Generated by iptables-save v1.4.21 on Mon Jul  6 01:00:00 2020');
    expect(save).toContain(
      '-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y',
    );
    expect(save).toContain(
      '-A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU',
    );
    expect(save).toContain(
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -m mark --mark 0x4000/0x4000 -j MASQUERADE',
    );
    expect(save).toContain('-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000');
    expect(save.at(-2)).toBe('COMMIT');
  });

  it('without kube-proxy the old rules stay and a new Service gets none: its ClusterIP times out', () => {
    const s = exposedWeb();
    runAt(s, 'm-k8s', 'kubectl -n kube-system delete ds kube-proxy');
    wait(s, 40);
    expect(runAt(s, 'm-k8s', 'kubectl -n kube-system get pods | grep -c kube-proxy').text).toBe('0');
    // The old Service still works: its rules are still in the kernel.
    expect(runAt(s, 'm-k8s', 'curl -s 10.106.160.230 | grep title').text).toBe(
      '<title>Welcome to nginx!</title>',
    );
    runAt(s, 'm-k8s', 'kubectl expose deployment web --name=web2 --port=80');
    wait(s, 2);
    const ip = runAt(s, 'm-k8s', 'kubectl get svc web2 -o jsonpath={.spec.clusterIP}').text;
    expect(runAt(s, 'm-k8s', 'kubectl get ep web2').text).toContain('172.16.132.1:80,172.16.221.129:80');
    expect(runAt(s, 'w1-k8s', 'iptables-save | grep -c web2').text).toBe('0');
    const r = runAt(s, 'm-k8s', `curl ${ip}`);
    expect(r.text).toBe(`curl: (7) Failed connect to ${ip}:80; Connection timed out`);
    expect(r.code).toBe(7);
  });
});
