import { describe, expect, it } from 'vitest';
import { apiChoice, liveStart, probeApi } from './detect';

const page = 'http://127.0.0.1:8001/podscope/?lang=ko';
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A stub origin: what each path answers, and the requests it saw. */
function origin(answers: Record<string, () => Response>) {
  const seen: string[] = [];
  const get = (async (url: string, init?: RequestInit) => {
    seen.push(`${init?.method ?? 'GET'} ${url}`);
    const path = new URL(url).pathname;
    const answer = answers[path];
    if (!answer)
      return new Response('<!doctype html>', { status: 404, headers: { 'content-type': 'text/html' } });
    return answer();
  }) as typeof fetch;
  return { get, seen };
}

const kubeApi = {
  '/api': () => json({ kind: 'APIVersions', versions: ['v1'] }),
  '/version': () => json({ major: '1', minor: '18', gitVersion: 'v1.18.4' }),
};

describe('apiChoice', () => {
  it('reads ?api= as a URL beside the page or elsewhere, and refuses what is not http(s)', () => {
    expect(apiChoice('?lang=ko', page)).toEqual({ kind: 'auto' });
    expect(apiChoice('?api=/k8s-api/', page)).toEqual({
      kind: 'named',
      base: 'http://127.0.0.1:8001/k8s-api',
    });
    expect(apiChoice('?api=http://10.0.0.5:8001', page)).toEqual({
      kind: 'named',
      base: 'http://10.0.0.5:8001',
    });
    expect(apiChoice('?api=ftp://x', page)).toEqual({ kind: 'bad', value: 'ftp://x' });
    expect(apiChoice('?api=', page)).toEqual({ kind: 'bad', value: '' });
    expect(apiChoice('?api=http://[', page)).toEqual({ kind: 'bad', value: 'http://[' });
  });
});

describe('probeApi and liveStart', () => {
  it('takes an origin whose /api and /version answer as Kubernetes does for an API', async () => {
    const o = origin(kubeApi);
    expect(await liveStart('?lang=ko', page, o.get)).toEqual({
      ok: true,
      base: 'http://127.0.0.1:8001',
      version: 'v1.18.4',
    });
    expect(o.seen).toEqual(['GET http://127.0.0.1:8001/api', 'GET http://127.0.0.1:8001/version']);
  });

  it('leaves a static host as the simulated lab after one request, and an embed without any', async () => {
    const o = origin({});
    expect(await liveStart('', page, o.get)).toBeUndefined();
    expect(o.seen).toEqual(['GET http://127.0.0.1:8001/api']);
    // A host that answers every path with the page (a single-page fallback) is no API either.
    const spa = origin({
      '/api': () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }),
    });
    expect(await liveStart('', page, spa.get)).toBeUndefined();
    const embedded = origin(kubeApi);
    expect(await liveStart('?embed=1', page, embedded.get)).toBeUndefined();
    expect(embedded.seen).toEqual([]);
  });

  it('says why a named API cannot be watched', async () => {
    expect(await liveStart('?api=ftp://x', page, origin({}).get)).toEqual({
      ok: false,
      base: 'ftp://x',
      why: 'bad',
    });
    expect(await liveStart('?api=/nothing', page, origin({}).get)).toEqual({
      ok: false,
      base: 'http://127.0.0.1:8001/nothing',
      why: 'not-an-api',
      status: 404,
    });
    const refusing = origin({
      '/api': () => json({ kind: 'Status', code: 401, reason: 'Unauthorized' }, 401),
    });
    expect(await probeApi('http://127.0.0.1:6443', refusing.get)).toEqual({
      ok: false,
      base: 'http://127.0.0.1:6443',
      why: 'refused',
      status: 401,
    });
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await probeApi('http://127.0.0.1:9', down)).toEqual({
      ok: false,
      base: 'http://127.0.0.1:9',
      why: 'unreachable',
    });
  });
});
