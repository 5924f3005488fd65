// The embed's own parameters, beside the app's (DESIGN contract 1): read from the
// iframe's URL or the element's attributes. Kept tiny: the first page imports it.

export interface EmbedParams {
  /** `embed=1`: chrome-less, for an iframe. */
  readonly embedded: boolean;
  readonly controls: boolean;
  readonly terminal: boolean;
  readonly autoplay: boolean;
  /** `faults=kubelet@w2-k8s,apiserver`, injected once the lesson is loaded. */
  readonly faults: string;
  /** Origins whose postMessages are obeyed (`allowOrigin=https://a.example,https://b.example`). */
  readonly allowOrigin: readonly string[];
}

/** `1`, `true`, `yes`, `show`, `on` and the empty string (a bare attribute) are on. */
export function flag(value: string | null, fallback: boolean): boolean {
  if (value === null) return fallback;
  return ['', '1', 'true', 'yes', 'show', 'on'].includes(value.trim().toLowerCase());
}

export function parseEmbedParams(q: URLSearchParams): EmbedParams {
  return {
    embedded: flag(q.get('embed'), false),
    controls: flag(q.get('controls'), true),
    terminal: flag(q.get('terminal'), true),
    autoplay: flag(q.get('autoplay'), false),
    faults: q.get('faults') ?? '',
    allowOrigin: (q.get('allowOrigin') ?? '')
      .split(/[\s,]+/)
      .map((o) => o.trim().replace(/\/$/, ''))
      .filter((o) => /^https?:\/\/[^/]+$/.test(o)),
  };
}
