// crictl, the CRI's own client, in the second edition's lab (containerd, no docker):
// `crictl ps` lists the running containers and `crictl pods` their sandboxes, newest
// first, as cri-tools v1.36.0 prints them (cmd/crictl/container.go ListContainers,
// sandbox.go ListPodSandboxes: tabwriter minwidth 20, padding 3; IDs cut to 13).
import { sha256 } from '../../sim/sha256';
import { defineCommand, fail, ok } from '../command';
import type { NodeContainer } from '../host/nodeContainers';
import { nodeContainers } from '../host/nodeContainers';
import { tabwrite } from '../tabwriter';
import { dockerDuration } from '../wallClock';

type Sub = 'ps' | 'pods' | 'version';

const ENDPOINT = 'unix:///run/containerd/containerd.sock';
const cut = (id: string) => id.slice(0, 13);
const hex = (text: string) => Array.from(sha256(text), (b) => b.toString(16).padStart(2, '0')).join('');
/** The image's ID (its config's digest) as the kubelet passes it; derived from the name here (UNVERIFIED digests). */
const imageId = (image: string) => cut(hex(`image ${image}`));

export const crictl = defineCommand<{ sub: Sub; all: boolean }>({
  name: 'crictl',
  parse(args) {
    const sub = args.find((a) => !a.startsWith('-'));
    if (sub === 'ps' || sub === 'pods' || sub === 'version')
      return ok({ sub, all: args.includes('-a') || args.includes('--all') });
    if (!sub) return fail('NAME:\n   crictl - client for CRI', 0);
    return fail(`crictl: podscope: crictl ${sub} is not simulated in this lab (ps, pods and version are)`, 1);
  },
  run({ sub }, io) {
    const world = io.shell.world;
    const state = world.cluster.host(io.shell.host);
    if (state?.services.docker !== 'active') {
      io.err(
        `validate service connection: validate CRI v1 runtime API for endpoint "${ENDPOINT}": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: no such file or directory"`,
      );
      return io.exit(1);
    }
    if (sub === 'version') {
      io.out('Version:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  v2.2.3\nRuntimeApiVersion:  v1');
      return io.exit(0);
    }
    const now = world.now();
    const all = nodeContainers(world.cluster, io.shell.host);
    const sandboxOf = (c: NodeContainer) => all.find((s) => !s.container && s.pod === c.pod);
    const newestFirst = (a: NodeContainer, b: NodeContainer) => b.startedAt - a.startedAt;
    const ago = (c: NodeContainer) => `${dockerDuration(now - c.startedAt)} ago`;
    const rows =
      sub === 'ps'
        ? [
            'CONTAINER\tIMAGE\tCREATED\tSTATE\tNAME\tATTEMPT\tPOD ID\tPOD\tNAMESPACE',
            ...all
              .filter((c) => c.container)
              .sort(newestFirst)
              .map(
                (c) =>
                  `${cut(c.fullId)}\t${imageId(c.image)}\t${ago(c)}\tRunning\t${c.container?.name ?? ''}\t${c.attempt}\t${cut(sandboxOf(c)?.fullId ?? '')}\t${c.pod.metadata.name}\t${c.pod.metadata.namespace ?? 'default'}`,
              ),
          ]
        : [
            'POD ID\tCREATED\tSTATE\tNAME\tNAMESPACE\tATTEMPT\tRUNTIME',
            ...all
              .filter((c) => !c.container)
              .sort(newestFirst)
              .map(
                (s) =>
                  `${cut(s.fullId)}\t${ago(s)}\tReady\t${s.pod.metadata.name}\t${s.pod.metadata.namespace ?? 'default'}\t${s.attempt}\t(default)`,
              ),
          ];
    io.out(tabwrite(rows.join('\n'), { minwidth: 20, padding: 3 }));
    io.exit(0);
  },
});
