// A component's connection to the API server: requests with their answers, and
// the watch streams it opened. Everything travels as messages on the trace.
import type { Message, Net } from './net';
import type { KubeObject } from './objects';
import type { ApiRequest, ApiResponse, WatchAction } from './protocol';
import type { TokenBucket } from './rateLimiter';
import type { ComponentId } from './trace';

export const API_SERVER: ComponentId = 'apiserver';

export interface WatchBody {
  readonly resource: string;
  readonly action: WatchAction;
  readonly object: KubeObject;
  /** The watch request this notification belongs to (one connection may hold several). */
  readonly reqId?: number;
}

export interface RequestBody {
  readonly reqId: number;
  readonly req: ApiRequest;
}

export interface ResponseBody {
  readonly reqId: number;
  readonly res: ApiResponse;
}

const httpVerb: Record<ApiRequest['verb'], string> = {
  get: 'GET',
  list: 'GET',
  watch: 'WATCH',
  create: 'POST',
  update: 'PUT',
  updateStatus: 'PATCH',
  patch: 'PATCH',
  delete: 'DELETE',
  bind: 'POST',
};

/** 'POST pods/nginx-pod', 'PATCH pods/nginx-pod/status', 'WATCH pods?nodeName=w2-k8s'. */
export function describeRequest(req: ApiRequest): string {
  const name = req.name ?? req.body?.metadata.name ?? req.body?.metadata.generateName ?? '';
  const sub = req.verb === 'bind' ? '/binding' : req.verb === 'updateStatus' ? '/status' : '';
  const path = name ? `${req.resource}/${name}${sub}` : req.resource;
  const query = [
    ...(req.nodeSelector !== undefined ? [`nodeName=${req.nodeSelector}`] : []),
    ...(req.labelSelector ? [`labelSelector=${req.labelSelector}`] : []),
    ...(req.fieldSelector ? [`fieldSelector=${req.fieldSelector}`] : []),
    ...(req.dryRun ? ['dryRun=All'] : []),
  ];
  const filter = query.length > 0 ? `?${query.join('&')}` : '';
  return `${httpVerb[req.verb]} ${path}${filter}`;
}

export function subjectOf(req: ApiRequest): string | undefined {
  const name = req.name ?? req.body?.metadata.name;
  return name ? `${req.resource}/${name}` : undefined;
}

export class ApiClient {
  private nextId = 1;
  private readonly pending = new Map<number, (res: ApiResponse) => void>();
  /** False while the owning process is stopped: nothing it scheduled may still talk. */
  active = true;

  constructor(
    private readonly net: Net,
    readonly id: ComponentId,
    private readonly limiter?: TokenBucket,
  ) {}

  request(req: ApiRequest, onResponse?: (res: ApiResponse) => void): number {
    const reqId = this.nextId++;
    if (!this.active) return reqId;
    if (onResponse) this.pending.set(reqId, onResponse);
    const wait = this.limiter?.reserve(this.net.now()) ?? 0;
    if (wait > 0) {
      // Throttled: the request leaves when its token comes, unless the process died meanwhile.
      const epoch = this.epoch;
      this.net.later(wait, () => {
        if (this.active && epoch === this.epoch) this.send(reqId, req);
      });
    } else this.send(reqId, req);
    return reqId;
  }

  /** Bumped when the process stops, so throttled requests of the old process never leave. */
  private epoch = 0;

  private send(reqId: number, req: ApiRequest): void {
    const subject = subjectOf(req);
    const body: RequestBody = { reqId, req };
    this.net.send(this.id, API_SERVER, `api.${req.verb}.${req.resource}`, describeRequest(req), body, {
      ...(subject ? { subject } : {}),
      onRefused: () => {
        const cb = this.pending.get(reqId);
        this.pending.delete(reqId);
        cb?.({ ok: false, code: 0, reason: 'ConnectionRefused', message: 'connection refused' });
      },
    });
  }

  cancel(reqId: number): void {
    this.pending.delete(reqId);
  }

  /** Consume an API response; false if the message is something else. */
  handle(m: Message): boolean {
    if (m.kind !== 'api.response') return false;
    const { reqId, res } = m.body as ResponseBody;
    const cb = this.pending.get(reqId);
    this.pending.delete(reqId);
    cb?.(res);
    return true;
  }

  /** The process died: nobody will read the answers to what it asked. */
  reset(): void {
    this.pending.clear();
    this.active = false;
    this.epoch += 1;
    this.limiter?.refill();
  }

  activate(): void {
    this.active = true;
  }

  /** Run `fn` after `ms` of cluster time if this client's process is still the one running. */
  later(ms: number, fn: () => void): void {
    const id = this.nextId;
    this.net.later(ms, () => {
      if (this.active && this.nextId >= id) fn();
    });
  }
}
