// 2 etcd: the only place state is kept. It answers the API server's transactions
// in order; nothing else talks to it.
import type { EtcdStore, KeyValue } from '../etcdStore';
import type { Message, Net } from '../net';
import type { KubeObject } from '../objects';
import type { ComponentLogic } from './processMachine';

export const ETCD = 'etcd';

/** kubeadm leaves kube-apiserver's --event-ttl at its default, one hour. */
export const EVENT_TTL_MS = 3_600_000;
const EVENTS_PREFIX = '/registry/events/';

export type EtcdOp =
  | { readonly type: 'get'; readonly key: string }
  | { readonly type: 'range'; readonly prefix: string }
  | { readonly type: 'create'; readonly key: string; readonly value: KubeObject }
  | { readonly type: 'mutate'; readonly key: string; readonly fn: (v: KubeObject) => KubeObject | 'delete' }
  | { readonly type: 'delete'; readonly key: string };

export interface EtcdRequest {
  readonly reqId: number;
  readonly op: EtcdOp;
}

export type EtcdResult =
  | {
      readonly ok: true;
      readonly kv?: KeyValue<KubeObject>;
      readonly kvs?: KeyValue<KubeObject>[];
      readonly prev?: KeyValue<KubeObject>;
      readonly deleted?: boolean;
    }
  | { readonly ok: false; readonly error: 'exists' | 'missing' };

export interface EtcdReply {
  readonly reqId: number;
  readonly result: EtcdResult;
}

function withRevision(value: KubeObject, rev: number): KubeObject {
  return { ...value, metadata: { ...value.metadata, resourceVersion: rev } } as KubeObject;
}

export class EtcdLogic implements ComponentLogic {
  /**
   * No event was written before this (a lower bound: an event rewritten later or deleted
   * leaves it where it was), so the minute's tick looks through the events only when one
   * may have expired. Unknown (-Infinity) until the first tick has looked.
   */
  private earliestEvent = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly net: Net,
    readonly store: EtcdStore<KubeObject>,
  ) {
    store.watch(EVENTS_PREFIX, (e) => {
      if (e.type === 'put' && e.kv.value.kind === 'Event')
        this.earliestEvent = Math.min(this.earliestEvent, e.kv.value.lastTimestamp);
    });
  }

  start(): void {}
  stop(): void {}

  /**
   * The API server writes every event with a lease of --event-ttl (1 h), renewed by each
   * write: etcd drops it when the lease runs out. The lab's events are written at their
   * lastTimestamp; this tick (each minute) removes those whose hour has passed.
   */
  tick(): void {
    const now = this.net.now();
    if (this.earliestEvent + EVENT_TTL_MS > now) return;
    const expired: string[] = [];
    let earliest = Number.POSITIVE_INFINITY;
    this.store.forEachUnder(EVENTS_PREFIX, (kv) => {
      const e = kv.value;
      if (e.kind !== 'Event') return;
      if (e.lastTimestamp + EVENT_TTL_MS <= now) expired.push(kv.key);
      else earliest = Math.min(earliest, e.lastTimestamp);
    });
    this.earliestEvent = earliest;
    for (const key of expired.sort()) this.store.delete(key);
  }

  receive(m: Message): void {
    if (m.kind !== 'etcd.txn' && m.kind !== 'etcd.range') return;
    const { reqId, op } = m.body as EtcdRequest;
    const result = this.apply(op);
    const changed =
      result.ok &&
      (op.type === 'create' || op.type === 'mutate' || op.type === 'delete') &&
      (result.kv || result.deleted);
    const summary = changed ? `revision ${this.store.revision}` : result.ok ? 'ok' : result.error;
    const reply: EtcdReply = { reqId, result };
    this.net.send(ETCD, m.from, 'etcd.result', summary, reply, {
      ...(m.envelope.subject ? { subject: m.envelope.subject } : {}),
    });
  }

  private apply(op: EtcdOp): EtcdResult {
    const s = this.store;
    switch (op.type) {
      case 'get': {
        const kv = s.get(op.key);
        return kv ? { ok: true, kv } : { ok: false, error: 'missing' };
      }
      case 'range':
        return { ok: true, kvs: s.range(op.prefix) };
      case 'create': {
        const kv = s.put(op.key, withRevision(op.value, s.revision + 1), 0);
        return kv ? { ok: true, kv } : { ok: false, error: 'exists' };
      }
      case 'mutate': {
        const prev = s.get(op.key);
        if (!prev) return { ok: false, error: 'missing' };
        const next = op.fn(prev.value);
        if (next === 'delete') {
          s.delete(op.key);
          return { ok: true, prev, deleted: true };
        }
        if (next === prev.value) return { ok: true, prev };
        const kv = s.put(op.key, withRevision(next, s.revision + 1));
        return kv ? { ok: true, kv, prev } : { ok: false, error: 'missing' };
      }
      case 'delete': {
        const prev = s.delete(op.key);
        return prev ? { ok: true, prev, deleted: true } : { ok: false, error: 'missing' };
      }
    }
  }
}
