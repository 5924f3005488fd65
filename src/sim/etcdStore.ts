// etcd's data model: a flat key space under /registry, one global revision that
// grows with every change, and per key its create and mod revisions. Values are
// immutable objects, so a snapshot is a shallow copy of the map. Like etcd's own
// B-tree index, the keys are kept in order, so a range by prefix reads only the keys
// under it (issue 14: a scan and sort of every key on each call was most of a recording).

export interface KeyValue<V> {
  readonly key: string;
  readonly value: V;
  readonly createRevision: number;
  readonly modRevision: number;
  readonly version: number;
}

export type WatchEvent<V> =
  | { readonly type: 'put'; readonly kv: KeyValue<V>; readonly prev?: KeyValue<V> }
  | { readonly type: 'delete'; readonly key: string; readonly prev: KeyValue<V>; readonly revision: number };

export interface EtcdSnapshot<V> {
  readonly revision: number;
  readonly data: ReadonlyMap<string, KeyValue<V>>;
}

export class EtcdStore<V> {
  private rev = 1;
  private data = new Map<string, KeyValue<V>>();
  /** Every key in order; undefined after a restore, until the next read. */
  private order: string[] | undefined = [];
  /** `keys()` as of the revision it was read at: values are immutable, so it holds until the next change. */
  private all: { readonly revision: number; readonly list: readonly KeyValue<V>[] } | undefined;
  private readonly watchers = new Set<{ prefix: string; fn: (e: WatchEvent<V>) => void }>();

  get revision(): number {
    return this.rev;
  }

  get(key: string): KeyValue<V> | undefined {
    return this.data.get(key);
  }

  range(prefix: string): KeyValue<V>[] {
    const keys = this.sortedKeys();
    const out: KeyValue<V>[] = [];
    for (let i = lowerBound(keys, prefix); i < keys.length; i++) {
      const key = keys[i] as string;
      if (!key.startsWith(prefix)) break;
      out.push(this.data.get(key) as KeyValue<V>);
    }
    return out;
  }

  /** Every key with its value, in key order (the same array until the next change). */
  keys(): readonly KeyValue<V>[] {
    if (this.all?.revision !== this.rev) this.all = { revision: this.rev, list: this.range('') };
    return this.all.list;
  }

  /** Every key under `prefix` (range without building its list). */
  forEachUnder(prefix: string, fn: (kv: KeyValue<V>) => void): void {
    const keys = this.sortedKeys();
    for (let i = lowerBound(keys, prefix); i < keys.length; i++) {
      const key = keys[i] as string;
      if (!key.startsWith(prefix)) break;
      fn(this.data.get(key) as KeyValue<V>);
    }
  }

  private sortedKeys(): readonly string[] {
    if (!this.order) this.order = [...this.data.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return this.order;
  }

  /** Put only if the key's modRevision is still `expectedModRevision` (0: must not exist). */
  put(key: string, value: V, expectedModRevision?: number): KeyValue<V> | undefined {
    const prev = this.data.get(key);
    if (expectedModRevision !== undefined && (prev?.modRevision ?? 0) !== expectedModRevision)
      return undefined;
    this.rev += 1;
    const kv: KeyValue<V> = {
      key,
      value,
      createRevision: prev?.createRevision ?? this.rev,
      modRevision: this.rev,
      version: (prev?.version ?? 0) + 1,
    };
    if (!prev && this.order) this.order.splice(lowerBound(this.order, key), 0, key);
    this.data.set(key, kv);
    this.emit(prev ? { type: 'put', kv, prev } : { type: 'put', kv });
    return kv;
  }

  delete(key: string): KeyValue<V> | undefined {
    const prev = this.data.get(key);
    if (!prev) return undefined;
    this.rev += 1;
    this.order?.splice(lowerBound(this.order, key), 1);
    this.data.delete(key);
    this.emit({ type: 'delete', key, prev, revision: this.rev });
    return prev;
  }

  watch(prefix: string, fn: (e: WatchEvent<V>) => void): () => void {
    const w = { prefix, fn };
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }

  snapshot(): EtcdSnapshot<V> {
    return { revision: this.rev, data: new Map(this.data) };
  }

  /**
   * Restore a snapshot. etcd bumps the revision past the old one so that watchers
   * never see a revision go backwards.
   */
  restore(snapshot: EtcdSnapshot<V>): void {
    const before = this.data;
    this.data = new Map(snapshot.data);
    this.order = undefined;
    this.rev = Math.max(this.rev, snapshot.revision) + 1;
    for (const [key, prev] of before)
      if (!this.data.has(key)) this.emit({ type: 'delete', key, prev, revision: this.rev });
    for (const [key, kv] of this.data) {
      const prev = before.get(key);
      if (prev !== kv) this.emit(prev ? { type: 'put', kv, prev } : { type: 'put', kv });
    }
  }

  private emit(e: WatchEvent<V>): void {
    const key = e.type === 'put' ? e.kv.key : e.key;
    for (const w of this.watchers) if (key.startsWith(w.prefix)) w.fn(e);
  }
}

/** The index of the first key not below `prefix`. */
function lowerBound(keys: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((keys[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
