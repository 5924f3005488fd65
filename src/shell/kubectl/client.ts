// How kubectl finds and reaches the API server: the kubeconfig (--kubeconfig,
// $KUBECONFIG, ~/.kube/config), then a request through the simulated network.
// Errors are printed as kubectl prints them (k8s-facts §4).
import type { ApiRequest, ApiResponse } from '../../sim/protocol';
import type { CommandIO } from '../command';
import { HOME } from '../labFiles';
import { noteAnswer } from './discoveryCache';

export const LAB_SERVER = '192.168.1.10:6443';

export type Server =
  | { readonly ok: true; readonly host: string }
  | { readonly ok: false; readonly error: string };

/** The server kubectl talks to, from the kubeconfig it would load. */
export function findServer(io: CommandIO, explicit: string | undefined): Server {
  const fs = io.shell.fs;
  const path = explicit ?? io.env.get('KUBECONFIG') ?? `${HOME}/.kube/config`;
  const resolved = io.shell.resolve(path);
  const text = fs.read(resolved);
  if (text === undefined) {
    if (explicit !== undefined) {
      return { ok: false, error: `error: stat ${explicit}: no such file or directory` };
    }
    // No kubeconfig: client-go falls back to the insecure local port.
    return { ok: true, host: 'localhost:8080' };
  }
  const m = /server:\s*https?:\/\/(\S+)/.exec(text);
  if (!m)
    return {
      ok: false,
      error: 'error: no configuration has been provided, try setting KUBERNETES_MASTER environment variable',
    };
  return { ok: true, host: m[1] as string };
}

export function refused(host: string): string {
  return `The connection to the server ${host} was refused - did you specify the right host or port?`;
}

/** `Error from server (NotFound): pods "x" not found`, or the connection error. */
export function apiError(res: Exclude<ApiResponse, { ok: true }>, host: string): string {
  if (res.reason === 'ConnectionRefused') return refused(host);
  if (res.reason === 'Timeout') return `Unable to connect to the server: dial tcp ${host}: i/o timeout`;
  // kubectl prints a validation error as the API server words it: 'The Deployment "X" is invalid: ...'.
  if (res.reason === 'Invalid') return res.message;
  return `Error from server (${res.reason}): ${res.message}`;
}

/**
 * Sends one request as kubectl on this host. A server other than the lab's API
 * server refuses at once (nothing listens there); Ctrl+C cancels the wait.
 */
export function send(
  io: CommandIO,
  host: string,
  req: ApiRequest,
  onResponse: (res: ApiResponse) => void,
): void {
  if (host !== LAB_SERVER && host !== '192.168.1.10:6443') {
    onResponse({ ok: false, code: 0, reason: 'ConnectionRefused', message: 'connection refused' });
    return;
  }
  const cancel = io.shell.world.cluster.request(io.shell.host, req, (res) => {
    // Any answer from the API server means discovery worked and its disk cache is fresh.
    if (res.ok || (res.reason !== 'ConnectionRefused' && res.reason !== 'Timeout'))
      noteAnswer(io.shell, host);
    onResponse(res);
  });
  io.onInterrupt(cancel);
}

/** Sends requests one after another (kubectl handles a file's objects in order). */
export function sendAll(
  io: CommandIO,
  host: string,
  reqs: readonly ApiRequest[],
  each: (req: ApiRequest, res: ApiResponse, index: number) => boolean,
  done: () => void,
): void {
  const step = (i: number): void => {
    const req = reqs[i];
    if (!req) {
      done();
      return;
    }
    send(io, host, req, (res) => {
      if (each(req, res, i)) step(i + 1);
    });
  };
  step(0);
}
