import { describe, expect, it } from 'vitest';
import type { ApiObject, Resource, WatchLine } from './apiShapes';
import { nginxPodLife } from './fixtures';
import { listAndWatch } from './watchStream';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const stream = (lines: readonly unknown[]) =>
  new Response(lines.map((l) => `${JSON.stringify(l)}\n`).join(''), {
    headers: { 'content-type': 'application/json' },
  });
const podList = (rv: string, items: readonly ApiObject[] = []) => ({
  kind: 'PodList',
  apiVersion: 'v1',
  metadata: { resourceVersion: rv },
  items,
});

describe('listAndWatch', () => {
  it("lists, watches from the list's resourceVersion, reopens a stream that ends from the last one seen, and lists again on 410 Gone", async () => {
    const [added, bound] = nginxPodLife as [WatchLine, WatchLine];
    const answers: (() => Response)[] = [
      () => json(podList('100')),
      // The stream: a pod, then a bookmark; then the server ends it (its timeout).
      () =>
        stream([added, { type: 'BOOKMARK', object: { kind: 'Pod', metadata: { resourceVersion: '1205' } } }]),
      // Reopened from the bookmark: the version is already compacted away.
      () =>
        json(
          {
            kind: 'Status',
            apiVersion: 'v1',
            status: 'Failure',
            message: 'too old resource version: 1205 (1300)',
            reason: 'Expired',
            code: 410,
          },
          410,
        ),
      () => json(podList('1300', [bound.object])),
      // An ERROR line inside an open stream says the same.
      () =>
        stream([
          {
            type: 'ERROR',
            object: {
              kind: 'Status',
              apiVersion: 'v1',
              status: 'Failure',
              message: 'too old resource version',
              reason: 'Expired',
              code: 410,
            },
          },
        ]),
      () => json(podList('1400', [bound.object])),
    ];
    const requests: string[] = [];
    const seen: string[] = [];
    const stop = new AbortController();
    const fetchStub = (async (url: string, init?: RequestInit) => {
      requests.push(`${init?.method ?? 'GET'} ${url}`);
      const next = answers.shift();
      if (!next) {
        stop.abort();
        throw new DOMException('aborted', 'AbortError');
      }
      return next();
    }) as typeof fetch;
    await listAndWatch({
      base: 'http://127.0.0.1:8001',
      resource: 'pods',
      fetch: fetchStub,
      signal: stop.signal,
      wait: async () => {},
      sink: {
        list: (r: Resource, items, again) => seen.push(`${again ? 'relist' : 'list'} ${r} ${items.length}`),
        line: (r, l) =>
          seen.push(`${l.type} ${r} ${l.object.metadata?.name} ${l.object.metadata?.resourceVersion}`),
        state: (r, s) => seen.push(`${s} ${r}`),
      },
    });
    expect(requests).toEqual([
      'GET http://127.0.0.1:8001/api/v1/pods',
      'GET http://127.0.0.1:8001/api/v1/pods?watch=1&resourceVersion=100&allowWatchBookmarks=true',
      'GET http://127.0.0.1:8001/api/v1/pods?watch=1&resourceVersion=1205&allowWatchBookmarks=true',
      'GET http://127.0.0.1:8001/api/v1/pods',
      'GET http://127.0.0.1:8001/api/v1/pods?watch=1&resourceVersion=1300&allowWatchBookmarks=true',
      'GET http://127.0.0.1:8001/api/v1/pods',
      'GET http://127.0.0.1:8001/api/v1/pods?watch=1&resourceVersion=1400&allowWatchBookmarks=true',
    ]);
    // 'watching' once listed (followed from then on), and again each time a stream opens.
    expect(seen).toEqual([
      'list pods 0',
      'watching pods',
      'watching pods',
      'ADDED pods nginx-pod 1200',
      'relist pods 1',
      'watching pods',
      'watching pods',
      'relist pods 1',
      'watching pods',
    ]);
  });

  it('says the connection is lost and tries again from the same resourceVersion when the API cannot be reached', async () => {
    const requests: string[] = [];
    const seen: string[] = [];
    const stop = new AbortController();
    let n = 0;
    const fetchStub = (async (url: string) => {
      requests.push(url);
      n++;
      if (n === 1) return json(podList('7'));
      if (n === 2) throw new TypeError('Failed to fetch');
      if (n === 3) return json({ kind: 'Status', code: 503, message: 'service unavailable' }, 503);
      stop.abort();
      throw new DOMException('aborted', 'AbortError');
    }) as typeof fetch;
    const waits: number[] = [];
    await listAndWatch({
      base: '',
      resource: 'nodes',
      fetch: fetchStub,
      signal: stop.signal,
      wait: async (ms) => {
        waits.push(ms);
      },
      sink: {
        list: () => {},
        line: () => {},
        state: (_r, s, why) => seen.push(`${s}${why ? `: ${why}` : ''}`),
      },
    });
    expect(requests).toEqual([
      '/api/v1/nodes',
      '/api/v1/nodes?watch=1&resourceVersion=7&allowWatchBookmarks=true',
      '/api/v1/nodes?watch=1&resourceVersion=7&allowWatchBookmarks=true',
      '/api/v1/nodes?watch=1&resourceVersion=7&allowWatchBookmarks=true',
    ]);
    expect(seen).toEqual(['watching', 'lost: Failed to fetch', 'lost: 503']);
    expect(waits).toEqual([500, 1000]);
  });
});
