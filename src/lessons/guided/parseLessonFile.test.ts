import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as yaml from 'yaml';
import { guidedLessons } from './lessons/index';
import { sampleLesson } from './lessons/sample';
import { parseLessonFile } from './parseLessonFile';
import { lessonSchema } from './schema';
import { treeOf, validateLesson } from './validate';

const parse = (text: string) => parseLessonFile(text, yaml);
const errorsOf = (text: string) => {
  const r = parse(text);
  return 'errors' in r ? r.errors : [];
};

const good = `id: mine
title: { ko: 제목, en: Title }
summary: { ko: 요약, en: Summary }
steps:
  - id: one
    title: { ko: 하나, en: One }
    narration:
      ko: |
        첫 줄
      en: |
        First line
    commands:
      - host: m-k8s
        line: kubectl get nodes
    doneWhen: { typed: get nodes }
`;

describe('parseLessonFile', () => {
  it('reads a YAML lesson, and the same lesson as JSON', () => {
    const r = parse(good);
    expect('lesson' in r && r.lesson.steps[0]?.narration.en).toBe('First line\n');
    const json = JSON.stringify('lesson' in r ? r.lesson : null, null, '\t');
    expect(parse(json)).toEqual(r);
  });

  it('lists every error with its line', () => {
    const bad = `id: Bad Id
title: { ko: 제목 }
summary: { ko: 요약, en: Summary, fr: Résumé }
lab: cloud
steps:
  - id: one
    title: { ko: 하나, en: One }
    narration: { ko: 가, en: a }
    commands:
      - host: w9-k8s
        line: kubectl get nodes
    faults:
      - fault: gremlins
        target: w2-k8s
    predict:
      question: { ko: 질문, en: Question }
      choices: [{ ko: 가, en: a }, { ko: 나, en: b }]
      answer: 2
      explain: { ko: 설명, en: Why }
    doneWhen: { node: w2-k8s, ready: True }
  - id: one
    title: { ko: 둘, en: Two }
    narraton: { ko: 나, en: b }
    doneWhen: { pod: x, sttus: Running }
  - id: three
    title: { ko: 셋, en: Three }
    narration: { ko: 다, en: c }
    doneWhen: { podz: x }
  - id: four
    title: { ko: 넷, en: Four }
    narration: { ko: 라, en: d }
    doneWhen: { all: [{ nodesReady: many }] }
`;
    const lines = errorsOf(bad).map((e) => `${e.line} ${e.message}`);
    expect(lines).toEqual([
      '1 id: "Bad Id" does not match ^[a-z0-9][a-z0-9-]*$',
      '2 title: missing "en"',
      '3 summary: unknown key "fr" (known: ko, en)',
      '4 lab: must be one of "ready", "fresh", not "cloud"',
      '10 steps[0].commands[0].host: must be one of "m-k8s", "w1-k8s", "w2-k8s", "w3-k8s", not "w9-k8s"',
      expect.stringMatching(
        /^13 steps\[0\]\.faults\[0\]\.fault: must be one of "kubelet", .* not "gremlins"$/,
      ),
      '18 steps[0].predict.answer: 2 is not a choice (choices are numbered 0 to 1)',
      '20 steps[0].doneWhen.ready: must be one of "True", "False", "Unknown", not true (write it quoted: \'True\')',
      '21 steps[1]: missing "narration"',
      '21 steps[1].id: "one" is also the id of steps[0]',
      expect.stringMatching(/^23 steps\[1\]: unknown key "narraton" \(known: id, title, narration/),
      '24 steps[1].doneWhen: unknown key "sttus" (known: pod, namespace, status, node, restartsAtLeast)',
      expect.stringMatching(
        /^28 steps\[2\]\.doneWhen: a check needs one of the keys pod, podPrefix, podGone, node/,
      ),
      '32 steps[3].doneWhen.all[0].nodesReady: must be a whole number, not "many"',
    ]);
  });

  it('reports YAML syntax errors, duplicate keys, aliases and empty files by line', () => {
    expect(errorsOf('id: a\nid: b\n')[0]?.line).toBe(2);
    expect(errorsOf('id: [\n')[0]?.line).toBeGreaterThanOrEqual(1);
    expect(errorsOf('a: &x 1\nb: *x\n')).toMatchObject([
      { line: 2, message: 'aliases (*name) are not supported in lesson files' },
    ]);
    expect(errorsOf('')).toMatchObject([{ line: 1, message: 'the file is empty' }]);
    expect(errorsOf('- 1\n- 2\n')).toMatchObject([
      { line: 1, message: 'the lesson: must be a mapping (key: value), not a list' },
    ]);
    expect(errorsOf('{"id": "x", "__proto__": 1}')[0]?.message).toMatch(/unknown key "__proto__"/);
  });

  it('keeps narration as plain text', () => {
    const hostile = good
      .replace('First line', '<script>alert(1)</script> <img src=x onerror=alert(1)>')
      .replace('title: { ko: 하나, en: One }', 'title: { ko: "javascript:alert(1)", en: "{{constructor}}" }');
    const r = parse(hostile);
    expect('lesson' in r && r.lesson.steps[0]?.narration.en).toBe(
      '<script>alert(1)</script> <img src=x onerror=alert(1)>\n',
    );
    expect('lesson' in r && r.lesson.steps[0]?.title.ko).toBe('javascript:alert(1)');
  });

  it('gives a lesson or a list of errors for any text, never a throw', () => {
    const pieces = fc.constantFrom(
      good,
      'id: x\n',
      '  - ',
      ': ',
      '{',
      '}',
      '[',
      ']',
      '"',
      "'",
      '|\n',
      '&a ',
      '*a',
      '\t',
      '#',
      '\n',
      '---\n',
      'ko: ',
      '!!binary ',
      '<<: ',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces).map((p) => p.join('')),
          fc.json(),
        ),
        (text) => {
          const r = parse(text);
          if ('lesson' in r) return typeof r.lesson.id === 'string';
          return (
            r.errors.length > 0 &&
            r.errors.every((e) => Number.isInteger(e.line) && e.line >= 0 && e.message !== '')
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the schema', () => {
  it('is published as public/lesson.schema.json (UPDATE_SCHEMA=1 rewrites it)', () => {
    const path = join(__dirname, '../../../public/lesson.schema.json');
    if (process.env.UPDATE_SCHEMA) writeFileSync(path, `${JSON.stringify(lessonSchema, null, 2)}\n`);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(JSON.parse(JSON.stringify(lessonSchema)));
  });

  it("holds every built-in lesson: they are written in the teachers' format", () => {
    for (const lesson of [...guidedLessons, sampleLesson])
      expect([lesson.id, validateLesson(treeOf(lesson))]).toEqual([lesson.id, []]);
  });
});
