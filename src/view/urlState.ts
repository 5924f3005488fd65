// DESIGN contract 1: the URL holds the state, so a link reproduces the screen. A bad
// value gives a short notice and its default; the page is never blank.
import type { Lang } from '../lessons';
import { MAX_WORKERS } from '../sim/limits';
import type { ProfileId } from '../sim/profiles';
import { DEFAULT_PROFILE, profileIds } from '../sim/profiles';

export type Theme = 'light' | 'dark' | 'projector';
export type ViewMode = 'book' | 'watch';

export interface UrlState {
  readonly lesson: string;
  readonly step: number;
  readonly lang: Lang;
  readonly speed: number;
  readonly theme: Theme;
  readonly view: ViewMode;
  readonly seed: number;
  /** How many workers the lab has: the book's 3, or up to 200 for a demo at scale. */
  readonly workers: number;
  /** The lab's version: '1.18' (the book as printed) or '1.36' (its second edition). */
  readonly profile?: ProfileId | undefined;
  readonly presenter: boolean;
  /** A teacher's lesson on the same site: kept in the URL instead of `lesson`. */
  readonly lessonFile?: string | undefined;
  /** The person's own inputs (inputCodec.ts), the moment on screen (cluster ms) and the faults in force there. */
  readonly inputs?: string | undefined;
  readonly at?: number | undefined;
  readonly faults?: string | undefined;
}

export const defaults: Omit<UrlState, 'lang'> = {
  lesson: 'pod-create',
  step: 0,
  speed: 1,
  theme: 'light',
  view: 'book',
  seed: 1,
  workers: 3,
  presenter: false,
};

export interface Parsed {
  readonly state: UrlState;
  /** One line per bad value, in English and Korean: 'speed "9": using 1'. */
  readonly notices: readonly string[];
}

/** The browser's preference, when the URL says nothing: Korean if any preferred language is Korean. */
export function browserLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    if (/^ko\b/i.test(l)) return 'ko';
    if (/^en\b/i.test(l)) return 'en';
  }
  return 'en';
}

export function parseUrlState(
  search: string,
  languages: readonly string[],
  lessonIds: readonly string[],
): Parsed {
  const q = new URLSearchParams(search);
  const notices: string[] = [];
  const bad = (name: string, value: string, fallback: string | number) =>
    notices.push(`${name}="${value}" → ${fallback}`);

  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const v = q.get(name);
    if (v === null) return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    bad(name, v, fallback);
    return fallback;
  };
  const number = (name: string, ok: (n: number) => boolean, fallback: number): number => {
    const v = q.get(name);
    if (v === null) return fallback;
    const n = Number(v);
    if (v.trim() !== '' && Number.isFinite(n) && ok(n)) return n;
    bad(name, v, fallback);
    return fallback;
  };

  const lesson = pick('lesson', lessonIds, defaults.lesson);
  // `lang` wins; without it (or with a bad one) the browser's language decides.
  const lang = pick<Lang>('lang', ['ko', 'en'], browserLang(languages));
  return {
    state: {
      lesson,
      step: number('step', (n) => Number.isInteger(n) && n >= 0 && n <= 8, defaults.step),
      lang,
      speed: number('speed', (n) => n >= 0.25 && n <= 4, defaults.speed),
      theme: pick<Theme>('theme', ['light', 'dark', 'projector'], defaults.theme),
      view: pick<ViewMode>('view', ['book', 'watch'], defaults.view),
      seed: number('seed', (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 31, defaults.seed),
      workers: number('workers', (n) => Number.isInteger(n) && n >= 1 && n <= MAX_WORKERS, defaults.workers),
      // Only when the link names one: without it the lab is the book's (profileOf's default).
      ...(q.get('profile') !== null
        ? { profile: pick<ProfileId>('profile', profileIds, DEFAULT_PROFILE) }
        : {}),
      presenter: pick('presenter', ['0', '1'], '0') === '1',
      ...optional('lesson-file', 'lessonFile', q),
      ...optional('inputs', 'inputs', q),
      ...optional('faults', 'faults', q),
      ...(q.get('at') !== null
        ? { at: number('at', (n) => Number.isInteger(n) && n >= 0 && n < 1e10, 0) }
        : {}),
    },
    notices,
  };
}

function optional<K extends string>(name: string, key: K, q: URLSearchParams): Partial<Record<K, string>> {
  const v = q.get(name);
  return v === null ? {} : ({ [key]: v } as Record<K, string>);
}

/** The query string of a state; `lang` always, the rest when not the default. */
export function serializeUrlState(s: UrlState): string {
  const q = new URLSearchParams();
  if (s.lessonFile !== undefined) q.set('lesson-file', s.lessonFile);
  else q.set('lesson', s.lesson);
  q.set('step', String(s.step));
  q.set('lang', s.lang);
  if (s.speed !== defaults.speed) q.set('speed', String(s.speed));
  if (s.theme !== defaults.theme) q.set('theme', s.theme);
  if (s.view !== defaults.view) q.set('view', s.view);
  if (s.seed !== defaults.seed) q.set('seed', String(s.seed));
  if (s.workers !== defaults.workers) q.set('workers', String(s.workers));
  if (s.profile !== undefined && s.profile !== DEFAULT_PROFILE) q.set('profile', s.profile);
  if (s.presenter) q.set('presenter', '1');
  if (s.faults) q.set('faults', s.faults);
  if (s.inputs) q.set('inputs', s.inputs);
  if (s.at !== undefined) q.set('at', String(Math.round(s.at)));
  return `?${q.toString()}`;
}
