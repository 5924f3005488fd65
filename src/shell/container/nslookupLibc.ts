// busybox 1.28's nslookup (networking/nslookup.c at 1_28_4): it asks the libc
// resolver, so the search list applies, and prints each address with its reverse
// name: `%-10s %s` for the header, `Address N: ip name`. A name it cannot resolve is
// `nslookup: can't resolve 'x'` on stderr, exit 1. CoreDNS gives Services' reverse
// names (its kubernetes plugin serves in-addr.arpa in kubeadm's Corefile).
import type { Service } from '../../sim/objects';
import type { CommandIO } from '../command';
import type { ContainerShell } from './containerShell';
import { podSearch, resolveFromPod } from './podResolver';

/** The libc resolver's wait for a reverse lookup CoreDNS does not answer (timeout 5 s, 2 attempts). */
const PTR_TIMEOUT_MS = 10_000;

function reverseName(sh: ContainerShell, ip: string): string | undefined {
  const svc = sh.world.cluster
    .objects()
    .find((o): o is Service => o.kind === 'Service' && o.spec.clusterIP === ip);
  return svc ? `${svc.metadata.name}.${svc.metadata.namespace ?? 'default'}.svc.cluster.local` : undefined;
}

const dnsUp = (sh: ContainerShell) =>
  sh.world.cluster.components().find((c) => c.id === 'coredns')?.state === 'running';

const addressLine = (ip: string, name: string | undefined) => `Address 1: ${ip}${name ? ` ${name}` : ''}`;

export function libcNslookup(name: string, server: string | undefined, io: CommandIO, sh: ContainerShell) {
  const via = server ?? '10.96.0.10';
  const world = sh.world;
  let cancel = world.after(dnsUp(sh) ? 8 : PTR_TIMEOUT_MS, () => {
    io.out(
      `${'Server:'.padEnd(10)} ${via}\n${addressLine(via, dnsUp(sh) ? reverseName(sh, via) : undefined)}\n`,
    );
    const search = podSearch(sh.pod.metadata.namespace ?? 'default');
    cancel = resolveFromPod(world.cluster, sh.host, name, search, (ip) => {
      if (!ip) {
        io.err(`nslookup: can't resolve '${name}'`);
        return io.exit(1);
      }
      io.out(`${'Name:'.padEnd(10)} ${name}\n${addressLine(ip, reverseName(sh, ip))}`);
      io.exit(0);
    });
  });
  io.onInterrupt(() => cancel());
}
