// How each outside input changes the physical lab. The consequences (a node going
// NotReady, pods evicted) are not here: the components produce them by themselves.
import type { ClusterCore } from './clusterCore';
import type { ClusterInput, ControlPlaneManifest } from './inputs';
import { allManifests } from './labs/hosts';

const SHUTDOWN_MS = 5_000;

const controlPlaneStartup: readonly [ControlPlaneManifest, number][] = [
  ['etcd', 8_000],
  ['kube-apiserver', 14_000],
  ['kube-controller-manager', 16_000],
  ['kube-scheduler', 16_500],
];
const BOOT_MS = 35_000;

export function applyInput(core: ClusterCore, input: ClusterInput): boolean {
  const w = core.world;
  const now = core.clock.now();
  const hostName = 'host' in input ? input.host : undefined;
  const host = hostName ? w.host(hostName) : undefined;
  if (hostName && !host) return false;
  const after = (ms: number, fn: () => void) =>
    core.clock.schedule(() => {
      fn();
      core.reconcileProcesses();
    }, ms);

  switch (input.type) {
    case 'service.stop':
    case 'service.start':
    case 'service.restart': {
      if (!host?.powered) return false;
      const svc = host.services[input.service];
      if (svc === 'absent') return false;
      if (input.service === 'network') {
        // The book's observation (k8s-facts §1.6): restarting the network without br_netfilter loses the pods' traffic.
        host.podRoutesBroken = !host.brNetfilter;
        if (input.type === 'service.stop') host.services.network = 'inactive';
        else host.services.network = 'active';
        break;
      }
      if (input.service === 'kubelet' && !host.joined) {
        // Without kubeadm's config the kubelet exits at once and systemd keeps restarting it
        // (the journal shows that loop); stop ends the loop, start or restart begins it again.
        host.services.kubelet = 'inactive';
        host.serviceLog = [
          ...host.serviceLog,
          { service: 'kubelet', how: input.type === 'service.stop' ? 'stop' : 'start', at: now },
        ];
        break;
      }
      if (input.type === 'service.restart' && svc === 'active') {
        host.services[input.service] = 'inactive';
        core.reconcileProcesses();
      }
      host.services[input.service] = input.type === 'service.stop' ? 'inactive' : 'active';
      const logged = serviceLogEntry(input.type, svc === 'active');
      if (logged) host.serviceLog = [...host.serviceLog, { service: input.service, how: logged, at: now }];
      break;
    }
    case 'module.remove':
    case 'module.load':
      if (!host?.powered) return false;
      host.brNetfilter = input.type === 'module.load';
      break;
    case 'host.poweroff':
      if (!host?.powered) return false;
      host.powered = false;
      break;
    case 'host.poweron':
      if (!host || host.powered) return false;
      powerOn(host, now);
      after(BOOT_MS, () => {});
      break;
    case 'host.reboot':
      if (!host?.powered) return false;
      host.bootingUntil = now + SHUTDOWN_MS + BOOT_MS;
      host.powered = false;
      after(SHUTDOWN_MS, () => powerOn(host, now + SHUTDOWN_MS));
      after(SHUTDOWN_MS + BOOT_MS, () => {});
      break;
    case 'manifest.remove':
    case 'manifest.restore': {
      const m = w.master;
      if (input.type === 'manifest.remove') m.manifests.delete(input.manifest);
      else m.manifests.add(input.manifest);
      break;
    }
    case 'cni.remove':
    case 'cni.restore':
      if (!host) return false;
      host.cniInstalled = input.type === 'cni.restore';
      break;
    case 'coredns.down':
    case 'coredns.up':
      w.faults.corednsDown = input.type === 'coredns.down';
      break;
    case 'image.pull.fail':
      w.faults.imagePullFail.push({
        ...(input.image ? { image: input.image } : {}),
        ...(input.host ? { host: input.host } : {}),
      });
      break;
    case 'image.pull.heal':
      w.faults.imagePullFail = w.faults.imagePullFail.filter(
        (f) => !(f.image === input.image && f.host === input.host),
      );
      break;
    case 'container.crash':
      w.faults.crash.push(input.pod ? { pod: input.pod } : {});
      break;
    case 'container.heal':
      w.faults.crash = w.faults.crash.filter((f) => f.pod !== input.pod);
      break;
    case 'etcd.corrupt':
    case 'etcd.repair':
      w.faults.etcdCorrupt = input.type === 'etcd.corrupt';
      break;
    case 'kubeadm.init':
      if (host?.role !== 'master' || host.joined) return false;
      host.joined = true;
      host.services.kubelet = 'active';
      host.serviceLog = [...host.serviceLog, { service: 'kubelet', how: 'restart', at: now, by: 'kubeadm' }];
      host.manifests = new Set(allManifests);
      // The kubelet pulls the control-plane images and starts them one by one; kubeadm
      // reports them healthy after about 16 s.
      for (const [manifest, ms] of controlPlaneStartup) after(ms, () => host.staticPodsRunning.add(manifest));
      break;
    case 'kubeadm.join':
      if (host?.role !== 'worker' || host.joined) return false;
      host.joined = true;
      host.services.kubelet = 'active';
      host.serviceLog = [...host.serviceLog, { service: 'kubelet', how: 'restart', at: now, by: 'kubeadm' }];
      break;
  }
  core.reconcileProcesses();
  return true;
}

/** What systemd logs: a stop only of a running unit, a start only of a stopped one; a restart of a stopped unit is a start. */
function serviceLogEntry(
  type: 'service.stop' | 'service.start' | 'service.restart',
  wasActive: boolean,
): 'start' | 'stop' | 'restart' | undefined {
  if (type === 'service.restart') return wasActive ? 'restart' : 'start';
  if (type === 'service.stop') return wasActive ? 'stop' : undefined;
  return wasActive ? undefined : 'start';
}

function powerOn(
  host: {
    powered: boolean;
    bootingUntil: number;
    bootedAt: number;
    brNetfilter: boolean;
    podRoutesBroken: boolean;
    services: { network: string };
    serviceLog: readonly unknown[];
  },
  at: number,
): void {
  host.powered = true;
  // The journal lives in /run (no /var/log/journal on CentOS 7): a new boot starts it empty.
  host.serviceLog = [];
  host.bootingUntil = Math.max(host.bootingUntil, at + BOOT_MS);
  host.bootedAt = host.bootingUntil;
  // /etc/sysctl.d/k8s.conf's bridge settings load br_netfilter again at boot; the network comes up clean.
  host.brNetfilter = true;
  host.podRoutesBroken = false;
  host.services.network = 'active';
}
