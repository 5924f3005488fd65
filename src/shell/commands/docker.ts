// docker ps: the containers the kubelet started on this host, named as the
// kubelet names them (k8s_<container>_<pod>_<namespace>_<uid>_<attempt>), each
// with its pod's pause (sandbox) container.
import { defineCommand, fail, ok } from '../command';
import { hostProcesses } from '../host/hostProcesses';
import type { NodeContainer } from '../host/nodeContainers';
import { nodeContainers } from '../host/nodeContainers';
import { tabwrite } from '../tabwriter';
import { dockerDuration } from '../wallClock';
import { dockerImages, dockerInspect, dockerLogs } from './dockerMore';

/** The container's command as docker ps shows it, cut to 20 characters. */
function commandOf(c: NodeContainer): string {
  const cmd = c.argv.join(' ') || '/bin/sh';
  return `"${cmd.length > 20 ? `${cmd.slice(0, 19)}…` : cmd}"`;
}

type Sub = 'ps' | 'version' | 'images' | 'logs' | 'inspect';

export const docker = defineCommand<{ sub: Sub; args: readonly string[] }>({
  name: 'docker',
  parse(args) {
    const at = args.findIndex((a) => !a.startsWith('-'));
    const sub = args[at];
    const rest = args.slice(at + 1);
    if (sub === 'ps' || sub === 'version' || sub === 'images' || sub === 'logs' || sub === 'inspect')
      return ok({ sub, args: rest });
    if (!sub) return fail('Usage:\tdocker COMMAND\n\nA self-sufficient runtime for containers', 0);
    return fail(`docker: '${sub}' is not a docker command.\nSee 'docker --help'`, 1);
  },
  run({ sub, args }, io) {
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
    if (sub === 'images') return dockerImages(io);
    if (sub === 'logs') return dockerLogs(io, args);
    if (sub === 'inspect') {
      const procs = state ? hostProcesses(world.cluster, state, world.now()) : [];
      // A container's main process is the child of the shim that holds its ID.
      const pidOf = (c: NodeContainer) => {
        const shim = procs.find((p) => p.cmd.includes(c.fullId));
        return procs.find((p) => shim && p.ppid === shim.pid)?.pid ?? 0;
      };
      return dockerInspect(io, args, pidOf);
    }
    const now = world.now();
    const rows: string[] = ['CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES'];
    for (const c of nodeContainers(world.cluster, io.shell.host)) {
      const age = dockerDuration(now - c.startedAt);
      rows.push(`${c.id}\t${c.image}\t${commandOf(c)}\t${age} ago\tUp ${age}\t\t${c.name}`);
    }
    // docker's table writer: minwidth 20, padding 3.
    io.out(tabwrite(rows.join('\n'), { minwidth: 20, padding: 3 }));
    io.exit(0);
  },
});
