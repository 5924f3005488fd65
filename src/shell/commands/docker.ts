// docker ps: the containers the kubelet started on this host, named as the
// kubelet names them (k8s_<container>_<pod>_<namespace>_<uid>_<attempt>), each
// with its pod's pause (sandbox) container.
import { defineCommand, fail, ok } from '../command';
import type { NodeContainer } from '../host/nodeContainers';
import { nodeContainers } from '../host/nodeContainers';
import { tabwrite } from '../tabwriter';
import { dockerDuration } from '../wallClock';

/** The container's command as docker ps shows it, cut to 20 characters. */
function commandOf(c: NodeContainer): string {
  const cmd = c.argv.join(' ') || '/bin/sh';
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
    for (const c of nodeContainers(world.cluster, io.shell.host)) {
      const age = dockerDuration(now - c.startedAt);
      rows.push(`${c.id}\t${c.image}\t${commandOf(c)}\t${age} ago\tUp ${age}\t\t${c.name}`);
    }
    // docker's table writer: minwidth 20, padding 3.
    io.out(tabwrite(rows.join('\n'), { minwidth: 20, padding: 3 }));
    io.exit(0);
  },
});
