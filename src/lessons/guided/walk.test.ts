// The one test that walks every guided lesson to its end (STYLE 8, issue 6): the
// built-in lessons, the engine's sample and the teacher's example file, each
// solved headlessly by doing what its steps say; and no text missing in either language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as yaml from 'yaml';
import { profileIds } from '../../sim/profiles';
import type { Localized } from '../lesson';
import { LANGS } from '../lesson';
import { guidedLessons, guidedLessonVersions } from './lessons/index';
import { sampleLesson } from './lessons/sample';
import { parseLessonFile } from './parseLessonFile';
import type { GuidedLesson } from './types';
import { walkLesson } from './walk';

function exampleLesson(): GuidedLesson {
  const text = readFileSync(join(__dirname, '../../../public/lessons/example.yaml'), 'utf8');
  const r = parseLessonFile(text, yaml);
  if ('errors' in r) throw new Error(`example.yaml: ${JSON.stringify(r.errors)}`);
  return r.lesson;
}

const lessons: readonly GuidedLesson[] = [...guidedLessons, sampleLesson, exampleLesson()];

/** Every Localized in a lesson, with where it is. */
function texts(lesson: GuidedLesson): [string, Localized][] {
  const out: [string, Localized][] = [
    ['title', lesson.title],
    ['summary', lesson.summary],
  ];
  for (const s of lesson.steps) {
    out.push([`${s.id}.title`, s.title], [`${s.id}.narration`, s.narration]);
    if (s.really) out.push([`${s.id}.really`, s.really]);
    if (s.predict) {
      out.push(
        [`${s.id}.predict.question`, s.predict.question],
        [`${s.id}.predict.explain`, s.predict.explain],
      );
      for (const [i, c] of s.predict.choices.entries()) out.push([`${s.id}.predict.choices[${i}]`, c]);
    }
  }
  return out;
}

describe('every guided lesson', () => {
  it('has unique ids', () => {
    const ids = lessons.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  // In every lab: the book's 1.18 and the second edition's 1.36 (cp-k8s, containerd), each lesson as that lab has it.
  it.each(profileIds.flatMap((p) => lessons.map((l) => [l.id, p, l] as const)))(
    '%s is walked to its end headlessly under profile %s',
    (_id, profile, lesson) => {
      const result = walkLesson(lesson, { profile, versions: guidedLessonVersions[lesson.id] });
      expect(result.ok ? 'done' : result.message).toBe('done');
    },
  );

  it.each(lessons.map((l) => [l.id, l] as const))(
    '%s has every text in Korean and English',
    (_id, lesson) => {
      const missing = texts(lesson).flatMap(([where, t]) =>
        LANGS.filter((lang) => typeof t[lang] !== 'string' || t[lang].trim() === '').map(
          (lang) => `${where}.${lang}`,
        ),
      );
      expect(missing).toEqual([]);
      const stepIds = lesson.steps.map((s) => s.id);
      expect(new Set(stepIds).size).toBe(stepIds.length);
    },
  );
});
