// The "what changed" view speaks Korean for every difference the 1.36 profile declares:
// a difference added without its Korean text would be shown in English on a Korean page.
import { describe, expect, it } from 'vitest';
import { differences136 } from '../../sim/profiles/differences';
import { differencesKo } from './differencesKo';

describe('the differences in Korean', () => {
  it.each(differences136.map((d) => [d.id, d] as const))('%s has its Korean text', (_id, d) => {
    const ko = differencesKo[d.id];
    expect(ko?.what).toMatch(/[가-힣]/);
    // What could not be checked is said in Korean too, and only where the English says it.
    expect(ko?.unverified !== undefined).toBe(d.unverified !== undefined);
  });

  it('holds no text for a difference that is gone', () => {
    const ids = new Set(differences136.map((d) => d.id));
    expect(Object.keys(differencesKo).filter((k) => !ids.has(k))).toEqual([]);
  });
});
