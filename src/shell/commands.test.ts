import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt } from './testing/drive';
import { FakeCluster } from './testing/fakeCluster';

function lab(opts: { lab?: 'fresh' | 'ready' } = {}) {
  const cluster = new FakeCluster(opts);
  const session = new Session({ cluster });
  return { cluster, session, at: (host: string, line: string) => runAt(session, host, line) };
}

describe('systemctl, modprobe, lsmod', () => {
  it('sends service and module changes to the cluster and reports them', () => {
    const { cluster, at } = lab();
    expect(at('w2-k8s', 'systemctl stop kubelet')).toMatchObject({ text: '', code: 0 });
    expect(at('w2-k8s', 'systemctl restart network').code).toBe(0);
    expect(at('w2-k8s', 'modprobe -r br_netfilter').code).toBe(0);
    expect(cluster.inputs).toEqual([
      { type: 'service.stop', host: 'w2-k8s', service: 'kubelet' },
      { type: 'service.restart', host: 'w2-k8s', service: 'network' },
      { type: 'module.remove', host: 'w2-k8s', module: 'br_netfilter' },
    ]);
    const status = at('w2-k8s', 'systemctl status kubelet');
    expect(status.code).toBe(3);
    expect(status.text.split('\n')[0]).toBe('● kubelet.service - kubelet: The Kubernetes Node Agent');
    expect(status.text).toContain('   Active: inactive (dead) since Mon 2020-07-06 01:00:00 UTC; 3s ago');
    expect(at('w2-k8s', 'systemctl is-active kubelet')).toMatchObject({ text: 'inactive', code: 3 });
    expect(at('w2-k8s', 'lsmod | grep br_netfilter')).toMatchObject({ text: '', code: 1 });
    at('w2-k8s', 'modprobe br_netfilter');
    expect(at('w2-k8s', 'lsmod | grep br_netfilter').text).toBe(
      'br_netfilter           22256  0 \nbridge                151336  1 br_netfilter',
    );
  });

  it("prints systemd's and modprobe's errors", () => {
    const { at } = lab();
    expect(at('w1-k8s', 'systemctl start kublet')).toMatchObject({
      stderr: 'Failed to start kublet.service: Unit not found.',
      code: 5,
    });
    expect(at('w1-k8s', 'systemctl status foo')).toMatchObject({
      stderr: 'Unit foo.service could not be found.',
      code: 4,
    });
    expect(at('w1-k8s', 'modprobe br_netfiltr')).toMatchObject({
      stderr: 'modprobe: FATAL: Module br_netfiltr not found.',
      code: 1,
    });
  });
});

describe('moving control-plane manifests', () => {
  it('stops and restarts a static pod when its manifest leaves and returns', () => {
    const { cluster, at } = lab();
    at('m-k8s', 'mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/');
    expect(at('m-k8s', 'ls /etc/kubernetes/manifests').text).toBe(
      'etcd.yaml  kube-apiserver.yaml  kube-controller-manager.yaml',
    );
    at('m-k8s', 'mv /tmp/kube-scheduler.yaml /etc/kubernetes/manifests/');
    expect(cluster.inputs).toEqual([
      { type: 'manifest.remove', manifest: 'kube-scheduler' },
      { type: 'manifest.restore', manifest: 'kube-scheduler' },
    ]);
  });
});

describe('curl, ping, nslookup', () => {
  it("serves nginx's page, and times out after 127 s when the network is broken", () => {
    const { cluster, session, at } = lab();
    at('m-k8s', 'kubectl run web --image=nginx');
    at('m-k8s', 'sleep 3');
    expect(at('m-k8s', 'curl 172.16.103.129 | grep title').text).toBe('<title>Welcome to nginx!</title>');
    expect(at('m-k8s', 'curl 172.16.103.129:8080')).toMatchObject({
      stderr: 'curl: (7) Failed connect to 172.16.103.129:8080; Connection refused',
      code: 7,
    });
    cluster.podNetwork = 'timeout';
    const t0 = session.now();
    expect(at('m-k8s', 'curl http://172.16.103.129/')).toMatchObject({
      stderr: 'curl: (7) Failed connect to 172.16.103.129:80; Connection timed out',
      code: 7,
    });
    expect(session.now() - t0).toBe(128_000);
    expect(at('m-k8s', 'curl nginx.default.svc')).toMatchObject({
      stderr: 'curl: (6) Could not resolve host: nginx.default.svc; Unknown error',
      code: 6,
    });
  });

  it('pings until its count, with statistics', () => {
    const { at } = lab();
    at('m-k8s', 'kubectl run web --image=nginx');
    at('m-k8s', 'sleep 3');
    const ping = at('m-k8s', 'ping -c 2 172.16.103.129').text.split('\n');
    expect(ping[0]).toBe('PING 172.16.103.129 (172.16.103.129) 56(84) bytes of data.');
    expect(ping[1]).toMatch(/^64 bytes from 172\.16\.103\.129: icmp_seq=1 ttl=63 time=\d\.\d{3} ms$/);
    expect(ping).toContain('2 packets transmitted, 2 received, 0% packet loss, time 1000ms');
  });

  it('resolves cluster names through CoreDNS when asked to, and through 1.1.1.1 by default', () => {
    const { at } = lab();
    expect(at('m-k8s', 'nslookup kubernetes.default.svc.cluster.local 10.96.0.10').text).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n',
    );
    expect(at('m-k8s', 'nslookup nope 10.96.0.10').code).toBe(1);
    // The hosts' resolv.conf names 1.1.1.1 and 8.8.8.8 (the book's config.sh): only pods use CoreDNS.
    const host = at('m-k8s', 'nslookup kubernetes.default');
    expect(host.text).toBe(
      "Server:\t\t1.1.1.1\nAddress:\t1.1.1.1#53\n\n** server can't find kubernetes.default: NXDOMAIN\n",
    );
    expect(host.code).toBe(1);
  });
});

describe('scp, sleep, timeout, no etcdctl, docker', () => {
  it('copies admin.conf from the master, and says so when the file is missing', () => {
    const { session, at } = lab();
    const scp = at('w3-k8s', 'scp root@192.168.1.10:/etc/kubernetes/admin.conf .');
    expect(scp.text.split('\n')[0]).toBe("root@192.168.1.10's password: ");
    expect(session.shell('w3-k8s').fs.read('/root/admin.conf')).toBe(
      session.shell('m-k8s').fs.read('/etc/kubernetes/admin.conf'),
    );
    expect(at('w3-k8s', 'scp root@192.168.1.10:/etc/nothing .')).toMatchObject({
      stderr: 'scp: /etc/nothing: No such file or directory',
      code: 1,
    });
  });

  it('sleeps in cluster time and timeout stops a command with 124', () => {
    const { session, at } = lab();
    const t0 = session.now();
    at('m-k8s', 'sleep 10');
    expect(session.now() - t0).toBe(11_000);
    expect(at('m-k8s', 'timeout 5 sleep 60')).toMatchObject({ text: '', code: 124 });
    expect(at('m-k8s', 'sleep 1m x')).toMatchObject({
      stderr: "sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.",
    });
  });

  it('has no etcdctl on a host: the book installs kubeadm, kubelet, kubectl and docker only', () => {
    const { at } = lab();
    for (const host of ['m-k8s', 'w1-k8s'] as const)
      expect(at(host, 'ETCDCTL_API=3 etcdctl snapshot save snap.db')).toMatchObject({
        text: '-bash: etcdctl: command not found',
        code: 127,
      });
  });

  it("lists a node's containers as the kubelet names them", () => {
    const { at } = lab();
    at('m-k8s', 'kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml');
    at('m-k8s', 'sleep 70');
    const ps = at('w2-k8s', 'docker ps').text.split('\n');
    expect(ps[0]).toBe(
      'CONTAINER ID        IMAGE                  COMMAND                  CREATED              STATUS              PORTS               NAMES',
    );
    expect(ps[1]).toMatch(
      /^[0-9a-f]{12} {8}nginx {18}"\/docker-entrypoint\.…" {3}About a minute ago {3}Up About a minute {23}k8s_container-name_nginx-pod_default_uid-nginx-pod_0$/,
    );
    expect(ps[2]).toContain('k8s_POD_nginx-pod_default_uid-nginx-pod_0');
  });
});

describe('kubeadm in the fresh lab', () => {
  it('inits the master, waits for the API server, and writes admin.conf', () => {
    const { session, at } = lab({ lab: 'fresh' });
    expect(at('m-k8s', 'kubectl get nodes').stderr).toBe(
      'The connection to the server localhost:8080 was refused - did you specify the right host or port?',
    );
    const init = at(
      'm-k8s',
      'kubeadm init --token 123456.1234567890123456 --token-ttl 0 --pod-network-cidr=172.16.0.0/16 --apiserver-advertise-address=192.168.1.10',
    );
    expect(init.code).toBe(0);
    expect(init.text).toContain('Your Kubernetes control-plane has initialized successfully!');
    expect(init.text).toMatch(
      /\[apiclient\] All control plane components are healthy after 2\d\.\d{6} seconds/,
    );
    expect(session.shell('m-k8s').fs.isFile('/etc/kubernetes/admin.conf')).toBe(true);
    expect(
      at('m-k8s', 'mkdir -p $HOME/.kube && cp -i /etc/kubernetes/admin.conf $HOME/.kube/config').code,
    ).toBe(0);
    expect(at('m-k8s', 'kubectl get nodes').code).toBe(0);
    expect(at('m-k8s', 'kubeadm token list').text.split('\n')[1]).toBe(
      "123456.1234567890123456   <forever>   <never>   authentication,signing   The default bootstrap token generated by 'kubeadm init'.   system:bootstrappers:kubeadm:default-node-token",
    );
    const join = at(
      'w1-k8s',
      'kubeadm join --token 123456.1234567890123456 --discovery-token-unsafe-skip-ca-verification 192.168.1.10:6443',
    );
    expect(join.text.split('\n').at(-1)).toBe(
      "Run 'kubectl get nodes' on the control-plane to see this node join the cluster.",
    );
  });
});
