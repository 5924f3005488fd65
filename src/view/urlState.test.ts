import { describe, expect, it } from 'vitest';
import { browserLang, parseUrlState, serializeUrlState } from './urlState';

const parse = (search: string, languages = ['en-US']) => parseUrlState(search, languages, ['pod-create']);

describe('parseUrlState', () => {
  it('reads every parameter', () => {
    const { state, notices } = parse(
      '?lesson=pod-create&step=3&lang=ko&speed=0.5&theme=projector&view=watch&seed=7&workers=50&presenter=1',
    );
    expect(state).toEqual({
      lesson: 'pod-create',
      step: 3,
      lang: 'ko',
      speed: 0.5,
      theme: 'projector',
      view: 'watch',
      seed: 7,
      workers: 50,
      presenter: true,
    });
    expect(notices).toEqual([]);
  });

  it.each([
    ['?speed=9', 'speed="9" → 1', { speed: 1 }],
    ['?speed=abc', 'speed="abc" → 1', { speed: 1 }],
    ['?speed=', 'speed="" → 1', { speed: 1 }],
    ['?step=12', 'step="12" → 0', { step: 0 }],
    ['?step=2.5', 'step="2.5" → 0', { step: 0 }],
    ['?theme=neon', 'theme="neon" → light', { theme: 'light' }],
    ['?view=x', 'view="x" → book', { view: 'book' }],
    ['?lesson=nope', 'lesson="nope" → pod-create', { lesson: 'pod-create' }],
    ['?seed=-1', 'seed="-1" → 1', { seed: 1 }],
    ['?workers=201', 'workers="201" → 3', { workers: 3 }],
    ['?workers=0', 'workers="0" → 3', { workers: 3 }],
    ['?lang=fr', 'lang="fr" → en', { lang: 'en' }],
  ])('%s gives a notice and the default', (search, notice, expected) => {
    const { state, notices } = parse(search);
    expect(notices).toEqual([notice]);
    expect(state).toMatchObject(expected);
  });

  it('takes lang from the URL first, then from the browser', () => {
    expect(parse('?lang=en', ['ko-KR']).state.lang).toBe('en');
    expect(parse('', ['ko-KR', 'en']).state.lang).toBe('ko');
    expect(parse('?lang=xx', ['ko']).state.lang).toBe('ko');
  });
});

describe('browserLang', () => {
  it.each([
    [['ko'], 'ko'],
    [['ko-KR'], 'ko'],
    [['de-DE', 'ko'], 'ko'],
    [['en-GB', 'ko'], 'en'],
    [['de'], 'en'],
    [[], 'en'],
  ])('%j → %s', (languages, lang) => {
    expect(browserLang(languages)).toBe(lang);
  });
});

describe('serializeUrlState', () => {
  it('round-trips', () => {
    const state = {
      lesson: 'pod-create',
      step: 5,
      lang: 'en' as const,
      speed: 2,
      theme: 'dark' as const,
      view: 'watch' as const,
      seed: 3,
      workers: 200,
      presenter: false,
    };
    const search = serializeUrlState(state);
    expect(search).toBe('?lesson=pod-create&step=5&lang=en&speed=2&theme=dark&view=watch&seed=3&workers=200');
    expect(parse(search).state).toEqual(state);
  });
});
