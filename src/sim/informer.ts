// A component's local cache of one resource: list, then follow the watch. When
// the API server goes away the cache goes stale and the informer re-lists with
// back-off, as client-go's reflector does.
import type { ApiClient, WatchBody } from './client';
import type { Message } from './net';
import type { KubeObject, Resource } from './objects';
import type { WatchAction } from './protocol';

export type InformerHandler = (action: WatchAction, obj: KubeObject, old?: KubeObject) => void;

export function objectKey(o: KubeObject): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name;
}

export class Informer<T extends KubeObject = KubeObject> {
  readonly cache = new Map<string, T>();
  synced = false;
  private inFlight = false;
  private retryAt = 0;
  private backoff = 1000;
  private generation = 0;
  /** `list()`'s array, kept until the cache changes (controllers list on every tick). */
  private listed: readonly T[] | undefined;

  constructor(
    private readonly client: ApiClient,
    readonly resource: Resource,
    private readonly onEvent: InformerHandler,
    private readonly nodeSelector?: string,
  ) {}

  start(now: number): void {
    if (this.inFlight) return;
    this.inFlight = true;
    this.client.request(
      {
        verb: 'watch',
        resource: this.resource,
        allNamespaces: true,
        ...(this.nodeSelector !== undefined ? { nodeSelector: this.nodeSelector } : {}),
      },
      (res) => {
        this.inFlight = false;
        if (!res.ok) {
          this.retryLater(now);
          return;
        }
        this.backoff = 1000;
        this.synced = true;
        this.listed = undefined;
        const fresh = new Map<string, T>();
        for (const o of res.items ?? []) fresh.set(objectKey(o), o as T);
        for (const [k, old] of this.cache)
          if (!fresh.has(k)) {
            this.cache.delete(k);
            this.onEvent('deleted', old);
          }
        for (const [k, o] of fresh) {
          const old = this.cache.get(k);
          this.cache.set(k, o);
          if (!old) this.onEvent('added', o);
          else if (old.metadata.resourceVersion !== o.metadata.resourceVersion)
            this.onEvent('modified', o, old);
        }
      },
    );
  }

  private retryLater(now: number): void {
    this.retryAt = now + this.backoff;
    const generation = this.generation;
    this.client.later(this.backoff, () => {
      if (generation === this.generation && !this.synced && !this.inFlight) this.start(this.retryAt);
    });
    this.backoff = Math.min(this.backoff * 2, 8000);
  }

  /** Retry a failed list once its back-off has passed. */
  tick(now: number): void {
    if (!this.synced && !this.inFlight && now >= this.retryAt) {
      this.retryAt = now;
      this.start(now);
    }
  }

  handle(m: Message): boolean {
    if (!m.kind.startsWith(`watch.${this.resource}.`)) return false;
    const { action, object } = m.body as WatchBody;
    const k = objectKey(object);
    const old = this.cache.get(k);
    this.listed = undefined;
    if (action === 'deleted') this.cache.delete(k);
    else this.cache.set(k, object as T);
    this.onEvent(action, object, old);
    return true;
  }

  /** The watch connection broke (API server gone): keep the stale cache, re-list later. */
  disconnected(now: number): void {
    this.synced = false;
    this.inFlight = false;
    this.generation += 1;
    this.retryLater(now);
  }

  reset(): void {
    this.generation += 1;
    this.cache.clear();
    this.listed = undefined;
    this.synced = false;
    this.inFlight = false;
    this.retryAt = 0;
    this.backoff = 1000;
  }

  /** The cached objects in the order they came; the same array until the cache changes. */
  list(): readonly T[] {
    this.listed ??= [...this.cache.values()];
    return this.listed;
  }
}
