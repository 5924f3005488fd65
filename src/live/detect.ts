// Whether the page stands beside a Kubernetes API (served by `kubectl proxy --www`), or
// is named one by `?api=URL`. Small and dependency-free: the first page carries it.

export type ApiChoice =
  | { readonly kind: 'auto' }
  | { readonly kind: 'named'; readonly base: string }
  | { readonly kind: 'bad'; readonly value: string };

/** `?api=` read: absent → look beside the page; a URL (absolute or relative to the page) → that API. */
export function apiChoice(search: string, page: string): ApiChoice {
  const value = new URLSearchParams(search).get('api');
  if (value === null) return { kind: 'auto' };
  try {
    const url = new URL(value, page);
    if (!/^https?:$/.test(url.protocol) || value.trim() === '') return { kind: 'bad', value };
    return { kind: 'named', base: url.href.replace(/\/+$/, '') };
  } catch {
    return { kind: 'bad', value };
  }
}

export type Probe =
  | { readonly ok: true; readonly base: string; readonly version: string }
  | {
      readonly ok: false;
      readonly base: string;
      readonly why: 'bad' | 'unreachable' | 'not-an-api' | 'refused';
      readonly status?: number;
    };

/** GET /api and /version: a Kubernetes API answers both with its own JSON. */
export async function probeApi(base: string, get: typeof fetch): Promise<Probe> {
  const read = async (path: string) => {
    const res = await get(`${base}${path}`, {
      method: 'GET',
      cache: 'no-store',
      headers: { Accept: 'application/json' },
    });
    const type = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      body: res.ok && type.includes('json') ? ((await res.json()) as Record<string, unknown>) : undefined,
    };
  };
  try {
    // /version only once /api has answered as an API: a static host answers one 404, not two.
    const api = await read('/api');
    if (api.status === 401 || api.status === 403)
      return { ok: false, base, why: 'refused', status: api.status };
    if (api.body?.kind !== 'APIVersions') return { ok: false, base, why: 'not-an-api', status: api.status };
    const version = await read('/version');
    if (typeof version.body?.gitVersion !== 'string')
      return { ok: false, base, why: 'not-an-api', status: version.status };
    return { ok: true, base, version: version.body.gitVersion };
  } catch {
    return { ok: false, base, why: 'unreachable' };
  }
}

/**
 * What the page is to be: the live view of an API (or of its failure, when one was
 * named), or undefined for the simulated lab. Without `?api=`, a page on a static host
 * finds no API beside it and is the lab; an embed is always the lab.
 */
export async function liveStart(search: string, page: string, get: typeof fetch): Promise<Probe | undefined> {
  const q = new URLSearchParams(search);
  if (q.has('embed')) return undefined;
  const choice = apiChoice(search, page);
  if (choice.kind === 'bad') return { ok: false, base: choice.value, why: 'bad' };
  if (choice.kind === 'named') return probeApi(choice.base, get);
  const beside = await probeApi(new URL('/', page).href.replace(/\/+$/, ''), get);
  return beside.ok ? beside : undefined;
}
