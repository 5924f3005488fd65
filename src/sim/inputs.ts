// Everything that can happen to the cluster from outside: a person at a host's
// shell, or a fault injected from the page. Inputs are data; the cluster reacts.

export type HostName = string; // 'm-k8s', 'w1-k8s', ...
export type HostService = 'kubelet' | 'docker' | 'network';
export type ControlPlaneManifest = 'kube-apiserver' | 'etcd' | 'kube-scheduler' | 'kube-controller-manager';

export type ClusterInput =
  | {
      readonly type: 'service.stop' | 'service.start' | 'service.restart';
      readonly host: HostName;
      readonly service: HostService;
    }
  | {
      readonly type: 'module.remove' | 'module.load';
      readonly host: HostName;
      readonly module: 'br_netfilter';
    }
  | { readonly type: 'host.poweroff' | 'host.poweron' | 'host.reboot'; readonly host: HostName }
  /** `mv /etc/kubernetes/manifests/<m>.yaml /tmp` and back: the kubeadm way to stop a control-plane part. */
  | { readonly type: 'manifest.remove' | 'manifest.restore'; readonly manifest: ControlPlaneManifest }
  /** Calico's CNI config and binaries removed from (restored to) a node. */
  | { readonly type: 'cni.remove' | 'cni.restore'; readonly host: HostName }
  | { readonly type: 'coredns.down' | 'coredns.up' }
  /** The registry refuses pulls of this image on this node (all nodes if host is omitted). */
  | {
      readonly type: 'image.pull.fail' | 'image.pull.heal';
      readonly image?: string;
      readonly host?: HostName;
    }
  /** Containers of pods whose name starts with `pod` exit with an error soon after starting. */
  | { readonly type: 'container.crash' | 'container.heal'; readonly pod?: string }
  | { readonly type: 'etcd.corrupt' | 'etcd.repair' }
  // the book's setup (fresh lab)
  | { readonly type: 'kubeadm.init'; readonly host: HostName }
  | { readonly type: 'kubeadm.join'; readonly host: HostName };
