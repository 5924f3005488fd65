// docker ps: the containers the kubelet started on this host, named as the
// kubelet names them (k8s_<container>_<pod>_<namespace>_<uid>_<attempt>), each
// with its pod's pause (sandbox) container.
import { argvOf } from '../../sim/containerProcess';
import { lookupImage } from '../../sim/images';
import type { Pod } from '../../sim/objects';
import { defineCommand, fail, ok } from '../command';
import { tabwrite } from '../tabwriter';
import { dockerDuration } from '../wallClock';

function shortId(text: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 12; round++) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 12);
}

/** kubeadm 1.18's static pods and add-ons set their own commands (flags sorted); they begin so. */
const kubeadmCommands: Record<string, string> = {
  coredns: '/coredns -conf /etc/coredns/Corefile',
  'kube-proxy': '/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf',
  'kube-apiserver': 'kube-apiserver --advertise-address=192.168.1.10',
  'kube-controller-manager': 'kube-controller-manager --allocate-node-cidrs=true',
  'kube-scheduler': 'kube-scheduler --authentication-kubeconfig=/etc/kubernetes/scheduler.conf',
  etcd: 'etcd --advertise-client-urls=https://192.168.1.10:2379',
};

/** The container's command as docker ps shows it: the pod's command/args, else the image's, cut to 20 characters. */
function commandOf(pod: Pod, container: string): string {
  const spec = pod.spec.containers.find((c) => c.name === container);
  const image = lookupImage(spec?.image ?? '');
  const argv = image.ok ? argvOf(image.image, spec ?? {}) : [];
  const cmd = kubeadmCommands[container] ?? (argv.join(' ') || '/bin/sh');
  return `"${cmd.length > 20 ? `${cmd.slice(0, 19)}…` : cmd}"`;
}

export const docker = defineCommand<'ps' | 'version'>({
  name: 'docker',
  parse(args) {
    const sub = args.find((a) => !a.startsWith('-'));
    if (sub === 'ps') return ok('ps');
    if (sub === 'version') return ok('version');
    if (!sub) return fail('Usage:\tdocker COMMAND\n\nA self-sufficient runtime for containers', 0);
    return fail(`docker: '${sub}' is not a docker command.\nSee 'docker --help'`, 1);
  },
  run(sub, io) {
    const world = io.shell.world;
    const state = world.cluster.host(io.shell.host);
    if (state?.services.docker !== 'active') {
      io.err(
        'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
      );
      return io.exit(1);
    }
    if (sub === 'version') {
      io.out(
        'Client:\n Version:         1.13.1\n API version:     1.26\n Package version: docker-1.13.1\n\nServer:\n Version:         1.13.1\n API version:     1.26 (minimum version 1.12)',
      );
      return io.exit(0);
    }
    const now = world.now();
    const rows: string[] = ['CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES'];
    const pods = world.cluster
      .objects()
      .filter((o): o is Pod => o.kind === 'Pod' && o.spec.nodeName === io.shell.host);
    for (const p of pods) {
      const ns = p.metadata.namespace ?? 'default';
      const running = p.status.containerStatuses.filter((c) => 'running' in c.state);
      if (running.length === 0) continue;
      const created = p.status.startTime ?? p.metadata.creationTimestamp;
      for (const c of running) {
        const started = 'running' in c.state ? c.state.running.startedAt : created;
        const id = c.containerID
          ? c.containerID.replace(/^docker:\/\//, '').slice(0, 12)
          : shortId(`${p.metadata.uid}/${c.name}/${c.restartCount}`);
        rows.push(
          `${id}\t${c.image}\t${commandOf(p, c.name)}\t${dockerDuration(now - started)} ago\tUp ${dockerDuration(now - started)}\t\tk8s_${c.name}_${p.metadata.name}_${ns}_${p.metadata.uid}_${c.restartCount}`,
        );
      }
      const sandboxAttempt = p.status.containerStatuses.reduce((n, c) => Math.max(n, c.restartCount), 0);
      rows.push(
        `${shortId(`${p.metadata.uid}/pause/${sandboxAttempt}`)}\tk8s.gcr.io/pause:3.2\t"/pause"\t${dockerDuration(now - created)} ago\tUp ${dockerDuration(now - created)}\t\tk8s_POD_${p.metadata.name}_${ns}_${p.metadata.uid}_${sandboxAttempt}`,
      );
    }
    // docker's table writer: minwidth 20, padding 3.
    io.out(tabwrite(rows.join('\n'), { minwidth: 20, padding: 3 }));
    io.exit(0);
  },
});
