// kubeadm init, join and token list: the book's setup (k8s-facts §1.1). init
// waits, in cluster time, until the new API server answers.
import type { CommandIO } from '../command';
import { defineCommand, fail, ok } from '../command';
import { LAB_SERVER, send } from '../kubectl/client';
import { writeControlPlaneFiles, writeWorkerFiles } from '../labFiles';
import { table } from '../tabwriter';

const TOKEN = '123456.1234567890123456';
const cgroupWarning =
  '\t[WARNING IsDockerSystemdCheck]: detected "cgroupfs" as the Docker cgroup driver. The recommended driver is "systemd". Please follow the guide at https://kubernetes.io/docs/setup/cri/';

const initHead = `[init] Using Kubernetes version: v1.18.4
[preflight] Running pre-flight checks
${cgroupWarning}
[preflight] Pulling images required for setting up a Kubernetes cluster
[preflight] This might take a minute or two, depending on the speed of your internet connection
[preflight] You can also perform this action in beforehand using 'kubeadm config images pull'
[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"
[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"
[kubelet-start] Starting the kubelet
[certs] Using certificateDir folder "/etc/kubernetes/pki"
[certs] Generating "ca" certificate and key
[certs] Generating "apiserver" certificate and key
[certs] apiserver serving cert is signed for DNS names [m-k8s kubernetes kubernetes.default kubernetes.default.svc kubernetes.default.svc.cluster.local] and IPs [10.96.0.1 192.168.1.10]
[kubeconfig] Using kubeconfig folder "/etc/kubernetes"
[kubeconfig] Writing "admin.conf" kubeconfig file
[kubeconfig] Writing "kubelet.conf" kubeconfig file
[kubeconfig] Writing "controller-manager.conf" kubeconfig file
[kubeconfig] Writing "scheduler.conf" kubeconfig file
[control-plane] Using manifest folder "/etc/kubernetes/manifests"
[control-plane] Creating static Pod manifest for "kube-apiserver"
[control-plane] Creating static Pod manifest for "kube-controller-manager"
[control-plane] Creating static Pod manifest for "kube-scheduler"
[etcd] Creating static Pod manifest for local etcd in "/etc/kubernetes/manifests"
[wait-control-plane] Waiting for the kubelet to boot up the control plane as static Pods from directory "/etc/kubernetes/manifests". This can take up to 4m0s`;

const initTail = (
  seconds: string,
) => `[apiclient] All control plane components are healthy after ${seconds} seconds
[upload-config] Storing the configuration used in ConfigMap "kubeadm-config" in the "kube-system" Namespace
[mark-control-plane] Marking the node m-k8s as control-plane by adding the label "node-role.kubernetes.io/master=''"
[mark-control-plane] Marking the node m-k8s as control-plane by adding the taints [node-role.kubernetes.io/master:NoSchedule]
[bootstrap-token] Using token: ${TOKEN}
[addons] Applied essential addon: CoreDNS
[addons] Applied essential addon: kube-proxy

Your Kubernetes control-plane has initialized successfully!

To start using your cluster, you need to run the following as a regular user:

  mkdir -p $HOME/.kube
  sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config
  sudo chown $(id -u):$(id -g) $HOME/.kube/config

You should now deploy a pod network to the cluster.
Run "kubectl apply -f [podnetwork].yaml" with one of the options listed at:
  https://kubernetes.io/docs/concepts/cluster-administration/addons/

Then you can join any number of worker nodes by running the following on each as root:

kubeadm join 192.168.1.10:6443 --token ${TOKEN} \\
    --discovery-token-ca-cert-hash sha256:0c8c5ee5e9b4a3c8e5c3f2f31aebd0ca1e2e3e7bbfc94f5e2a2c1a9ad4b7ab6f `;

const joinText = `[preflight] Running pre-flight checks
${cgroupWarning}
[preflight] Reading configuration from the cluster...
[preflight] FYI: You can look at this config file with 'kubectl -n kube-system get cm kubeadm-config -oyaml'
[kubelet-start] Downloading configuration for the kubelet from the "kubelet-config-1.18" ConfigMap in the kube-system namespace
[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"
[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"
[kubelet-start] Starting the kubelet
[kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap...

This node has joined the cluster:
* Certificate signing request was sent to apiserver and a response was received.
* The Kubelet was informed of the new secure connection details.

Run 'kubectl get nodes' on the control-plane to see this node join the cluster.
`;

const preflightFailed = (errors: string[]) => `[preflight] Running pre-flight checks
${cgroupWarning}
error execution phase preflight: [preflight] Some fatal errors occurred:
${errors.map((e) => `\t[ERROR ${e}]`).join('\n')}
[preflight] If you know what you are doing, you can make a check non-fatal with \`--ignore-preflight-errors=...\`
To see the stack trace of this error execute with --v=5 or higher`;

function init(io: CommandIO): void {
  const cluster = io.shell.world.cluster;
  const state = cluster.host(io.shell.host);
  if (state?.joined) {
    io.err(
      `[init] Using Kubernetes version: v1.18.4\n${preflightFailed([
        'Port-6443]: Port 6443 is in use',
        'Port-10259]: Port 10259 is in use',
        'Port-10257]: Port 10257 is in use',
        'FileAvailable--etc-kubernetes-manifests-kube-apiserver.yaml]: /etc/kubernetes/manifests/kube-apiserver.yaml already exists',
        'Port-10250]: Port 10250 is in use',
        'Port-2379]: Port 2379 is in use',
        'DirAvailable--var-lib-etcd]: /var/lib/etcd is not empty',
      ])}`,
    );
    io.exit(1);
    return;
  }
  io.out(initHead);
  cluster.dispatch({ type: 'kubeadm.init', host: io.shell.host });
  writeControlPlaneFiles(io.shell.fs, io.shell.host);
  const started = io.shell.world.now();
  const poll = () => {
    send(io, LAB_SERVER, { verb: 'list', resource: 'nodes' }, (res) => {
      const waited = io.shell.world.now() - started;
      if (res.ok) {
        io.out(initTail((waited / 1000).toFixed(6)));
        return io.exit(0);
      }
      if (waited > 240_000) {
        io.err(
          '[kubelet-check] Initial timeout of 40s passed.\n\nUnfortunately, an error has occurred:\n\ttimed out waiting for the condition',
        );
        return io.exit(1);
      }
      io.onInterrupt(io.shell.world.after(1000, poll));
    });
  };
  poll();
}

function join(io: CommandIO): void {
  const cluster = io.shell.world.cluster;
  if (cluster.host(io.shell.host)?.joined) {
    io.err(
      preflightFailed([
        'FileAvailable--etc-kubernetes-kubelet.conf]: /etc/kubernetes/kubelet.conf already exists',
        'Port-10250]: Port 10250 is in use',
        'FileAvailable--etc-kubernetes-pki-ca.crt]: /etc/kubernetes/pki/ca.crt already exists',
      ]),
    );
    io.exit(1);
    return;
  }
  send(io, LAB_SERVER, { verb: 'list', resource: 'nodes' }, (res) => {
    if (!res.ok) {
      io.out('[preflight] Running pre-flight checks');
      io.err(
        `error execution phase preflight: couldn't validate the identity of the API Server: Get https://${LAB_SERVER}/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s: dial tcp ${LAB_SERVER}: connect: connection refused\nTo see the stack trace of this error execute with --v=5 or higher`,
      );
      return io.exit(1);
    }
    cluster.dispatch({ type: 'kubeadm.join', host: io.shell.host });
    writeWorkerFiles(io.shell.fs, io.shell.host);
    io.out(joinText.slice(0, -1));
    io.exit(0);
  });
}

function tokenList(io: CommandIO): void {
  if (!io.shell.fs.isFile('/etc/kubernetes/admin.conf')) {
    io.err(
      'failed to load admin kubeconfig: open /root/.kube/config: no such file or directory\nTo see the stack trace of this error execute with --v=5 or higher',
    );
    io.exit(1);
    return;
  }
  io.out(
    table(
      [
        ['TOKEN', 'TTL', 'EXPIRES', 'USAGES', 'DESCRIPTION', 'EXTRA GROUPS'],
        [
          TOKEN,
          '<forever>',
          '<never>',
          'authentication,signing',
          "The default bootstrap token generated by 'kubeadm init'.",
          'system:bootstrappers:kubeadm:default-node-token',
        ],
      ],
      { minwidth: 10, padding: 3 },
    ),
  );
  io.exit(0);
}

export const kubeadm = defineCommand<'init' | 'join' | 'token list' | 'version'>({
  name: 'kubeadm',
  parse(args) {
    const words = args.filter((a) => !a.startsWith('-'));
    const [sub, subsub] = words;
    if (sub === 'init' || sub === 'join' || sub === 'version') return ok(sub);
    if (sub === 'token' && subsub === 'list') return ok('token list');
    if (!sub)
      return fail(
        'Usage:\n  kubeadm [command]\n\nAvailable Commands:\n  init        Run this command in order to set up the Kubernetes control plane\n  join        Run this on any machine you wish to join an existing cluster\n  token       Manage bootstrap tokens',
        0,
      );
    return fail(
      `unknown command "${sub}" for "kubeadm"\nTo see the stack trace of this error execute with --v=5 or higher`,
    );
  },
  run(sub, io) {
    const master = io.shell.world.cluster.host(io.shell.host)?.role === 'master';
    if (sub === 'version') {
      io.out(
        'kubeadm version: &version.Info{Major:"1", Minor:"18", GitVersion:"v1.18.4", GitCommit:"c96aede7b5205121079932896c4ad89bb93260af", GitTreeState:"clean", BuildDate:"2020-06-17T11:39:48Z", GoVersion:"go1.13.9", Compiler:"gc", Platform:"linux/amd64"}',
      );
      return io.exit(0);
    }
    if (sub === 'init' && !master) {
      // The workers have 1 vCPU (k8s-facts §1.1); kubeadm init wants 2.
      io.err(preflightFailed(['NumCPU]: the number of available CPUs 1 is less than the required 2']));
      return io.exit(1);
    }
    if (sub === 'init') return init(io);
    if (sub === 'join') return join(io);
    tokenList(io);
  },
});
