// What the API server does to a new Service before storing it: the defaults of
// the v1 API (type ClusterIP, targetPort = port, sessionAffinity None) and the
// two allocators, a ClusterIP from the service CIDR and a nodePort from the
// node-port range. Both pick a random free slot, as the 1.18 allocators'
// random-scan strategy does (pkg/registry/core/service/allocator: a random
// start, then the first free bit after it).
import type { Service, ServicePort } from './objects';
import type { Rng } from './rng';

/** kubeadm's default --service-cluster-ip-range. */
export const SERVICE_CIDR = '10.96.0.0/12';
/** kube-apiserver's default --service-node-port-range. */
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

const CIDR_BASE = (10 << 24) | (96 << 16);
const CIDR_SIZE = 1 << 20;

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function inServiceCidr(ip: string): boolean {
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return false;
  const n = ipToInt(ip);
  return n >= CIDR_BASE && n < CIDR_BASE + CIDR_SIZE;
}

/** A random free slot of `size`, from a random start (the allocator's randomScanStrategy). */
function randomFree(size: number, used: (i: number) => boolean, rng: Rng): number | undefined {
  const start = rng.between(0, size - 1);
  for (let i = 0; i < size; i++) {
    const at = (start + i) % size;
    if (!used(at)) return at;
  }
  return undefined;
}

export type Allocated =
  | { readonly ok: true; readonly service: Service }
  | { readonly ok: false; readonly message: string };

/**
 * Defaults and allocates `svc` among `existing` (every stored Service). The messages are
 * the API server's validation errors as kubectl prints them after `Error from server (Invalid): `.
 */
export function allocateService(svc: Service, existing: readonly Service[], rng: Rng): Allocated {
  const name = svc.metadata.name;
  const invalid = (field: string, detail: string): Allocated => ({
    ok: false,
    message: `The Service "${name}" is invalid: ${field}: ${detail}`,
  });
  const type = svc.spec.type ?? 'ClusterIP';
  if (type !== 'ClusterIP' && type !== 'NodePort' && type !== 'LoadBalancer')
    return invalid(
      'spec.type',
      `Unsupported value: "${type}": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`,
    );
  if (svc.spec.ports.length === 0) return invalid('spec.ports', 'Required value');
  const usedIps = new Set(existing.map((s) => s.spec.clusterIP));
  const usedPorts = new Set(existing.flatMap((s) => s.spec.ports.map((p) => p.nodePort ?? 0)));
  for (const [i, p] of svc.spec.ports.entries()) {
    if (p.nodePort !== undefined && type === 'ClusterIP')
      return invalid(`spec.ports[${i}].nodePort`, "Forbidden: may not be used when `type` is 'ClusterIP'");
    if (p.nodePort !== undefined && (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX))
      return invalid(
        `spec.ports[${i}].nodePort`,
        `Invalid value: ${p.nodePort}: provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
      );
    if (p.nodePort !== undefined && usedPorts.has(p.nodePort))
      return invalid(
        `spec.ports[${i}].nodePort`,
        `Invalid value: ${p.nodePort}: provided port is already allocated`,
      );
  }
  let clusterIP = svc.spec.clusterIP;
  if (clusterIP) {
    if (!inServiceCidr(clusterIP))
      return invalid(
        'spec.clusterIP',
        `Invalid value: "${clusterIP}": provided IP is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`,
      );
    if (usedIps.has(clusterIP))
      return invalid('spec.clusterIP', `Invalid value: "${clusterIP}": provided IP is already allocated`);
  } else {
    // The range's network and broadcast addresses are never handed out.
    const at = randomFree(CIDR_SIZE - 2, (i) => usedIps.has(intToIp(CIDR_BASE + 1 + i)), rng);
    if (at === undefined)
      return { ok: false, message: 'Internal error occurred: failed to allocate a serviceIP: range is full' };
    clusterIP = intToIp(CIDR_BASE + 1 + at);
  }
  const ports: ServicePort[] = [];
  for (const p of svc.spec.ports) {
    let nodePort = p.nodePort;
    // A LoadBalancer is a NodePort that a cloud would also give an address; the lab has no cloud.
    if (type !== 'ClusterIP' && nodePort === undefined) {
      const taken = new Set([...usedPorts, ...ports.map((x) => x.nodePort ?? 0)]);
      const at = randomFree(NODE_PORT_MAX - NODE_PORT_MIN + 1, (i) => taken.has(NODE_PORT_MIN + i), rng);
      if (at === undefined)
        return {
          ok: false,
          message: 'Internal error occurred: failed to allocate a nodePort: range is full',
        };
      nodePort = NODE_PORT_MIN + at;
    }
    ports.push({
      ...(p.name ? { name: p.name } : {}),
      protocol: p.protocol,
      port: p.port,
      targetPort: p.targetPort ?? p.port,
      ...(nodePort !== undefined ? { nodePort } : {}),
    });
  }
  return {
    ok: true,
    service: {
      ...svc,
      spec: {
        ...svc.spec,
        type,
        clusterIP,
        ports,
        sessionAffinity: svc.spec.sessionAffinity ?? 'None',
        ...(type === 'NodePort'
          ? { externalTrafficPolicy: svc.spec.externalTrafficPolicy ?? 'Cluster' }
          : {}),
      },
    },
  };
}
