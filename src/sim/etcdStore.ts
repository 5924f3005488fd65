// etcd's data model: a flat key space under /registry, one global revision that
// grows with every change, and per key its create and mod revisions. Values are
// immutable objects, so a snapshot is a shallow copy of the map.

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
  private readonly watchers = new Set<{ prefix: string; fn: (e: WatchEvent<V>) => void }>();

  get revision(): number {
    return this.rev;
  }

  get(key: string): KeyValue<V> | undefined {
    return this.data.get(key);
  }

  range(prefix: string): KeyValue<V>[] {
    const out: KeyValue<V>[] = [];
    for (const kv of this.data.values()) if (kv.key.startsWith(prefix)) out.push(kv);
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** Every key under `prefix`, in no particular order (range without its sort). */
  forEachUnder(prefix: string, fn: (kv: KeyValue<V>) => void): void {
    for (const kv of this.data.values()) if (kv.key.startsWith(prefix)) fn(kv);
  }

  keys(): KeyValue<V>[] {
    return this.range('');
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
    this.data.set(key, kv);
    this.emit(prev ? { type: 'put', kv, prev } : { type: 'put', kv });
    return kv;
  }

  delete(key: string): KeyValue<V> | undefined {
    const prev = this.data.get(key);
    if (!prev) return undefined;
    this.rev += 1;
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
