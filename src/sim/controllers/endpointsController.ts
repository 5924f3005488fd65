// The endpoints controller of the controller manager (pkg/controller/endpoint in
// 1.18): for every Service with a selector, the pods it selects become its
// Endpoints object — Ready pods under `addresses`, the others under
// `notReadyAddresses` — written through the API server. kube-proxy reads them.
import type { ApiClient } from '../client';
import { Informer, objectKey } from '../informer';
import type {
  EndpointAddress,
  EndpointSubset,
  Endpoints,
  KubeObject,
  Pod,
  Service,
  ServicePort,
} from '../objects';
import { isReady } from './workloads';

function selects(svc: Service, pod: Pod): boolean {
  const sel = svc.spec.selector;
  if (!sel || Object.keys(sel).length === 0) return false;
  if ((pod.metadata.namespace ?? 'default') !== (svc.metadata.namespace ?? 'default')) return false;
  return Object.entries(sel).every(([k, v]) => pod.metadata.labels?.[k] === v);
}

function address(pod: Pod): EndpointAddress {
  return {
    ip: pod.status.podIP ?? '',
    ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: {
      kind: 'Pod',
      name: pod.metadata.name,
      namespace: pod.metadata.namespace ?? 'default',
      uid: pod.metadata.uid,
    },
  };
}

const byIp = (a: EndpointAddress, b: EndpointAddress) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);

/**
 * The container port a service port reaches on `pod` (podutil.FindPort): a number is
 * taken as it is; a name is looked up among the pod's containers' declared ports of the
 * same protocol, and a pod that declares no such port is left out of that service port.
 */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  for (const c of pod.spec.containers)
    for (const cp of c.ports ?? [])
      if (cp.name === target && (cp.protocol ?? 'TCP') === sp.protocol) return cp.containerPort;
  return undefined;
}

type EndpointPort = EndpointSubset['ports'][number];

/**
 * The subsets the controller wants for `svc` among `pods`: a pod without an IP is left
 * out, and so is a terminating one (1.18 keeps it only when the Service tolerates
 * unready endpoints); a pod that is not Ready goes to notReadyAddresses, unless it has
 * finished for good (Succeeded, or Failed with restartPolicy Never). Pods whose ports
 * resolve alike share a subset (endpoints.RepackSubsets).
 */
export function desiredSubsets(svc: Service, pods: Iterable<Pod>): EndpointSubset[] {
  const groups = new Map<
    string,
    { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }
  >();
  for (const p of pods) {
    if (!selects(svc, p) || !p.status.podIP || p.metadata.deletionTimestamp !== undefined) continue;
    const finished =
      p.status.phase === 'Succeeded' || (p.status.phase === 'Failed' && p.spec.restartPolicy === 'Never');
    if (!isReady(p) && finished) continue;
    const ports: EndpointPort[] = [];
    for (const sp of svc.spec.ports) {
      const port = findPort(p, sp);
      if (port !== undefined)
        ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol });
    }
    if (ports.length === 0) continue;
    const key = JSON.stringify(ports);
    const g = groups.get(key) ?? { ports, ready: [], notReady: [] };
    groups.set(key, g);
    (isReady(p) ? g.ready : g.notReady).push(address(p));
  }
  return [...groups.values()]
    .map((g) => ({
      ...(g.ready.length > 0 ? { addresses: g.ready.sort(byIp) } : {}),
      ...(g.notReady.length > 0 ? { notReadyAddresses: g.notReady.sort(byIp) } : {}),
      ports: g.ports,
    }))
    .sort((a, b) =>
      byIp(
        (a.addresses ?? a.notReadyAddresses)?.[0] as EndpointAddress,
        (b.addresses ?? b.notReadyAddresses)?.[0] as EndpointAddress,
      ),
    );
}

export class EndpointsController {
  readonly services: Informer<Service>;
  readonly endpoints: Informer<Endpoints>;
  /** Keys (`ns/name`) of the Services to look at again. */
  private readonly dirty = new Set<string>();
  /** What was last sent for each key, so a write in flight is not sent twice. */
  private readonly sent = new Map<string, string>();

  constructor(
    private readonly client: ApiClient,
    private readonly pods: Informer<Pod>,
  ) {
    this.services = new Informer<Service>(client, 'services', (_a, svc) => this.dirty.add(objectKey(svc)));
    this.endpoints = new Informer<Endpoints>(client, 'endpoints', (a, obj) => {
      const ep = obj as Endpoints;
      const k = objectKey(ep);
      if (a === 'deleted' || this.sent.get(k) === JSON.stringify(ep.subsets)) this.sent.delete(k);
      this.dirty.add(k);
    });
  }

  informers() {
    return [this.services, this.endpoints] as const;
  }

  /** A pod changed: every Service that selects it now, or did before, looks again. */
  podChanged(pod: KubeObject, old: KubeObject | undefined): void {
    if (pod.kind !== 'Pod') return;
    for (const svc of this.services.cache.values())
      if (selects(svc, pod) || (old?.kind === 'Pod' && selects(svc, old))) this.dirty.add(objectKey(svc));
  }

  reset(): void {
    for (const i of this.informers()) i.reset();
    this.dirty.clear();
    this.sent.clear();
  }

  /** Closes the gap for the dirty Services (all of them on a resync). */
  sync(all: boolean): void {
    if (!this.services.synced || !this.endpoints.synced || !this.pods.synced) return;
    const keys = all
      ? new Set([...this.services.cache.keys(), ...this.endpoints.cache.keys()])
      : new Set(this.dirty);
    this.dirty.clear();
    // A resync sends again what a lost write (API server gone meanwhile) never stored.
    if (all) this.sent.clear();
    for (const k of keys) this.syncOne(k);
  }

  private syncOne(key: string): void {
    const svc = this.services.cache.get(key);
    const ep = this.endpoints.cache.get(key);
    const [namespace = 'default', name = ''] = key.split('/');
    if (!svc) {
      // The Service is gone: its Endpoints go too (the kubernetes Endpoints is the API server's own).
      if (ep && this.sent.get(key) !== 'delete') {
        this.sent.set(key, 'delete');
        this.client.request({ verb: 'delete', resource: 'endpoints', namespace, name });
      }
      return;
    }
    if (!svc.spec.selector || Object.keys(svc.spec.selector).length === 0) return;
    const subsets = desiredSubsets(svc, this.pods.cache.values());
    const text = JSON.stringify(subsets);
    if ((ep && JSON.stringify(ep.subsets) === text) || this.sent.get(key) === text) return;
    this.sent.set(key, text);
    if (ep)
      this.client.request({
        verb: 'update',
        resource: 'endpoints',
        namespace,
        name,
        patch: (o) => (o.kind === 'Endpoints' ? { ...o, subsets } : o),
      });
    else
      this.client.request({
        verb: 'create',
        resource: 'endpoints',
        namespace,
        body: {
          kind: 'Endpoints',
          metadata: {
            name,
            namespace,
            uid: '',
            resourceVersion: 0,
            creationTimestamp: 0 as never,
            ...(svc.metadata.labels && Object.keys(svc.metadata.labels).length > 0
              ? { labels: svc.metadata.labels }
              : {}),
          },
          subsets,
        },
      });
  }
}
