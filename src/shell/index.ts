// shell: the simulated shell of each host (parsing, kubectl, kubeadm, systemctl, ...) printing what the real tools print; may import sim.
export {};
