// What GET componentstatuses answers: the API server probes each server it knows on
// every request (pkg/registry/core/componentstatus) — the scheduler's and the
// controller manager's insecure healthz ports and etcd's /health — and stores
// nothing. The texts are 1.18.4's (built with Go 1.13, whose url.Error does not quote
// the URL; Go 1.14 and kubernetes 1.19 print `Get "http://…"`).
import type { ComponentStatus } from './objects';
import type { SimMs } from './units';

export interface ProbedServer {
  readonly name: string;
  readonly url: string;
  /** host:port the prober dials. */
  readonly addr: string;
  /** What the server answers when it is up. */
  readonly body: string;
}

/** kubeadm 1.18's control plane: the order a 1.18 cluster usually lists them in. */
export const probedServers: readonly ProbedServer[] = [
  { name: 'scheduler', url: 'http://127.0.0.1:10251/healthz', addr: '127.0.0.1:10251', body: 'ok' },
  { name: 'controller-manager', url: 'http://127.0.0.1:10252/healthz', addr: '127.0.0.1:10252', body: 'ok' },
  { name: 'etcd-0', url: 'https://127.0.0.1:2379/health', addr: '127.0.0.1:2379', body: '{"health":"true"}' },
];

/**
 * The HTTP prober turns a failed request into probe.Failure with the error as its
 * output, so an unreachable server is Healthy=False with the error as the MESSAGE
 * and an empty ERROR (pkg/probe/http DoHTTPProbe, componentstatus validator).
 */
export function componentStatus(server: ProbedServer, up: boolean): ComponentStatus {
  return {
    kind: 'ComponentStatus',
    metadata: { name: server.name, uid: '', resourceVersion: 0, creationTimestamp: 0 as SimMs },
    conditions: [
      up
        ? { type: 'Healthy', status: 'True', message: server.body }
        : {
            type: 'Healthy',
            status: 'False',
            message: `Get ${server.url}: dial tcp ${server.addr}: connect: connection refused`,
          },
    ],
  };
}
