import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonUrl, loadLessonFromFile, loadLessonFromUrl } from './loadLesson';

const page = 'https://teach.example/podscope/?lesson=setup';
const example = readFileSync(join(__dirname, '../../../public/lessons/example.yaml'), 'utf8');

describe('lessonUrl', () => {
  it.each([
    ['lessons/example.yaml', 'https://teach.example/podscope/lessons/example.yaml'],
    ['./lessons/a.json', 'https://teach.example/podscope/lessons/a.json'],
    ['/course/a.yaml', 'https://teach.example/course/a.yaml'],
    ['../up.yaml', 'https://teach.example/up.yaml'],
  ])('takes %s', (param, href) => {
    const r = lessonUrl(param, page);
    expect('url' in r && r.url.href).toBe(href);
  });

  it.each([
    'https://evil.example/a.yaml',
    'http://teach.example/podscope/a.yaml',
    '//evil.example/a.yaml',
    '\\\\evil.example/a.yaml',
    '/\\evil.example/a.yaml',
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/yaml,id: x',
    'blob:https://teach.example/uuid',
    'https://user:pw@teach.example/a.yaml',
    '',
  ])('refuses %j', (param) => {
    expect('error' in lessonUrl(param, page)).toBe(true);
  });
});

describe('loading a lesson', () => {
  it('fetches a same-origin file with same-origin credentials and parses it', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const fakeFetch = (async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return new Response(example, { status: 200 });
    }) as typeof fetch;
    const r = await loadLessonFromUrl('lessons/example.yaml', { pageUrl: page, fetch: fakeFetch });
    expect('lesson' in r && r.lesson.id).toBe('scheduler-and-scale');
    expect(calls).toEqual([
      [
        'https://teach.example/podscope/lessons/example.yaml',
        // no-cache: an edited file is seen on the next load, not the HTTP cache's old copy.
        { credentials: 'same-origin', mode: 'same-origin', cache: 'no-cache' },
      ],
    ]);
  });

  it('stops reading a response that passes the size limit, whatever length it claims', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled += 1;
        c.enqueue(new Uint8Array(64_000).fill(0x61));
      },
    });
    const lying = (async () =>
      new Response(endless, { status: 200, headers: { 'content-length': '10' } })) as typeof fetch;
    const r = await loadLessonFromUrl('a.yaml', { pageUrl: page, fetch: lying });
    expect(r).toMatchObject({ errors: [{ line: 0, message: 'the file is larger than 512 KB' }] });
    expect(pulled).toBeLessThan(12);
  });

  it('turns refusals, HTTP errors and network errors into an error list', async () => {
    const never = (async () => {
      throw new Error('must not fetch');
    }) as typeof fetch;
    expect(await loadLessonFromUrl('javascript:alert(1)', { pageUrl: page, fetch: never })).toMatchObject({
      errors: [{ line: 0, message: '"javascript:alert(1)" is not a path on this site' }],
    });
    const notFound = (async () =>
      new Response('nope', { status: 404, statusText: 'Not Found' })) as typeof fetch;
    expect(await loadLessonFromUrl('a.yaml', { pageUrl: page, fetch: notFound })).toMatchObject({
      errors: [{ line: 0, message: 'could not load a.yaml: 404 Not Found' }],
    });
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const r = await loadLessonFromUrl('a.yaml', { pageUrl: page, fetch: offline });
    expect('errors' in r && r.errors[0]?.message).toBe('could not load a.yaml (Failed to fetch)');
  });

  it('reads a file the teacher picked', async () => {
    const ok = await loadLessonFromFile(new Blob([example]));
    expect('lesson' in ok && ok.lesson.steps.length).toBeGreaterThan(3);
    const bad = await loadLessonFromFile(new Blob(['id: x\n']));
    expect('errors' in bad && bad.errors.map((e) => e.message)).toEqual([
      'the lesson: missing "title"',
      'the lesson: missing "summary"',
      'the lesson: missing "steps"',
    ]);
  });
});
