// List, then watch, one resource through the API server, as client-go's reflector does:
// GET the list, then GET ?watch=1 from the list's resourceVersion with bookmarks; each
// line of the stream is one event. A stream that ends (the server's timeout, a proxy's)
// is opened again from the last resourceVersion seen; 410 Gone (that version is no
// longer in etcd's window) means list again. Only GET, ever: the page changes nothing.
import type { ApiList, ApiObject, Resource, WatchLine } from './apiShapes';
import { WATCHED } from './apiShapes';

export interface WatchSink {
  list(resource: Resource, items: readonly ApiObject[], again: boolean): void;
  line(resource: Resource, line: WatchLine): void;
  /** 'watching' once a stream is open; 'lost' while it is being opened again. */
  state(resource: Resource, state: 'watching' | 'lost', why?: string): void;
}

export interface WatchOptions {
  /** Where the API is: '' for the page's own origin, or a URL without its trailing slash. */
  readonly base: string;
  readonly resource: Resource;
  readonly fetch: typeof fetch;
  readonly signal: AbortSignal;
  readonly sink: WatchSink;
  /** Waits before trying again (a timer in the page, nothing in tests). */
  readonly wait: (ms: number) => Promise<void>;
  /** A connection shared with other resources, each watching in turn for `sliceMs`. */
  readonly lane?: Lane;
  readonly sliceMs?: number;
  /** Ends a slice (a timer in the page; tests end it by hand). */
  readonly after?: (ms: number, f: () => void) => () => void;
}

/**
 * Requests that take turns on one connection. A browser opens at most six HTTP/1.1
 * connections to one host, and kubectl proxy speaks HTTP/1.1: six endless watches
 * would take them all (and a second tab would get none). The busy resources keep a
 * watch open; the quiet ones share one connection, watching in turn from their last
 * resourceVersion, so nothing is missed, only told a few seconds later.
 */
export class Lane {
  private tail: Promise<void> = Promise.resolve();

  run<T>(f: () => Promise<T>): Promise<T> {
    const turn = this.tail.then(f);
    this.tail = turn.then(
      () => {},
      () => {},
    );
    return turn;
  }
}

class Gone extends Error {}

const RETRY_MS = [500, 1000, 2000, 5000];

export async function listAndWatch(o: WatchOptions): Promise<void> {
  const path = `${o.base}${WATCHED[o.resource]}`;
  let lists = 0;
  let failures = 0;
  while (!o.signal.aborted) {
    let rv: string;
    try {
      const list = await inLane(o, async () => {
        const res = await o.fetch(path, { method: 'GET', signal: o.signal, cache: 'no-store' });
        if (!res.ok) throw new Error(`${res.status} ${res.statusText}`.trim());
        return (await res.json()) as ApiList;
      });
      rv = list.metadata?.resourceVersion ?? '';
      o.sink.list(o.resource, list.items ?? [], lists++ > 0);
      // Followed from here on, whether its watch is open or waiting for its turn.
      o.sink.state(o.resource, 'watching');
      failures = 0;
    } catch (e) {
      if (o.signal.aborted) return;
      o.sink.state(o.resource, 'lost', String((e as Error).message ?? e));
      await o.wait(RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)] as number);
      continue;
    }
    // Watch from rv until the server says it is gone.
    while (!o.signal.aborted) {
      try {
        const from = rv;
        rv = await inLane(o, () => watchOnce(o, path, from));
        failures = 0;
      } catch (e) {
        if (o.signal.aborted) return;
        if (e instanceof Gone) break;
        o.sink.state(o.resource, 'lost', String((e as Error).message ?? e));
        await o.wait(RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)] as number);
      }
    }
  }
}

const inLane = <T>(o: WatchOptions, f: () => Promise<T>): Promise<T> => (o.lane ? o.lane.run(f) : f());

/** One watch request, read to its end (or its slice's); returns the last resourceVersion it carried. */
async function watchOnce(o: WatchOptions, path: string, from: string): Promise<string> {
  const q = new URLSearchParams({ watch: '1', resourceVersion: from, allowWatchBookmarks: 'true' });
  const slice = o.sliceMs;
  if (slice !== undefined) q.set('timeoutSeconds', String(Math.ceil(slice / 1000)));
  // The slice ends here too, whatever the server does with timeoutSeconds.
  const mine = new AbortController();
  const stop = () => mine.abort();
  o.signal.addEventListener('abort', stop);
  let sliced = false;
  const cancel =
    slice === undefined
      ? () => {}
      : (
          o.after ??
          ((ms, f) => {
            const t = setTimeout(f, ms);
            return () => clearTimeout(t);
          })
        )(slice, () => {
          sliced = true;
          mine.abort();
        });
  let rv = from;
  try {
    const res = await o.fetch(`${path}?${q}`, { method: 'GET', signal: mine.signal, cache: 'no-store' });
    if (res.status === 410) throw new Gone();
    if (!res.ok || !res.body) throw new Error(`${res.status} ${res.statusText}`.trim());
    o.sink.state(o.resource, 'watching');
    rv = await readStream(o, res.body, from);
    return rv;
  } catch (e) {
    if (sliced && !o.signal.aborted && !(e instanceof Gone)) return lastRv.get(o) ?? rv;
    throw e;
  } finally {
    cancel();
    o.signal.removeEventListener('abort', stop);
  }
}

/** The last resourceVersion a stream carried, kept where an aborted read cannot return it. */
const lastRv = new WeakMap<WatchOptions, string>();

async function readStream(o: WatchOptions, body: ReadableStream<Uint8Array>, from: string): Promise<string> {
  let rv = from;
  lastRv.set(o, rv);
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let nl = buffer.indexOf('\n');
    while (nl >= 0 || (done && buffer.trim() !== '')) {
      const text = (nl >= 0 ? buffer.slice(0, nl) : buffer).trim();
      buffer = nl >= 0 ? buffer.slice(nl + 1) : '';
      if (text) {
        const line = JSON.parse(text) as WatchLine;
        // An ERROR line with a Status of code 410: "too old resource version".
        if (line.type === 'ERROR') {
          if (line.object?.code === 410) throw new Gone();
          throw new Error(String((line.object as { message?: string })?.message ?? 'watch error'));
        }
        rv = line.object?.metadata?.resourceVersion ?? rv;
        lastRv.set(o, rv);
        if (line.type !== 'BOOKMARK') o.sink.line(o.resource, line);
      }
      nl = buffer.indexOf('\n');
    }
    if (done) return rv;
  }
}
