// A teacher's lesson from a file the teacher picked or from the page's URL
// (`?lesson-file=lessons/mine.yaml`). A URL may name only a file of the page's own
// origin: a link that someone sends a student must not make the page fetch from
// elsewhere, nor run `javascript:` or read `data:`. Both ways give parseLessonFile's
// result; a failure is an error list (line 0: not about a line), never a throw.
import type { LessonErrorDetail } from './errorText';
import { lessonError } from './errorText';
import type { LessonFileResult, YamlModule } from './parseLessonFile';
import { MAX_LESSON_BYTES, parseLessonFile } from './parseLessonFile';

export type { LessonFileResult };

// Lesson files are rare: the parser is fetched only when one is opened.
const loadYaml = (): Promise<YamlModule> => import('yaml');

const failed = (detail: LessonErrorDetail): LessonFileResult => ({ errors: [lessonError(0, detail)] });
const tooLarge = () => failed({ code: 'tooLarge', kb: MAX_LESSON_BYTES / 1000 });

/**
 * The response's text, or undefined once it passes `max` bytes: a server that sends no
 * length (or a false one) cannot make the page read without end.
 */
async function readCapped(res: Response, max: number): Promise<string | undefined> {
  if (!res.body) {
    const text = await res.text();
    return text.length > max ? undefined : text;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** A file from an <input type="file"> or a drop. */
export async function loadLessonFromFile(file: Blob): Promise<LessonFileResult> {
  try {
    if (file.size > MAX_LESSON_BYTES) return tooLarge();
    const [text, yaml] = await Promise.all([file.text(), loadYaml()]);
    return parseLessonFile(text, yaml);
  } catch (e) {
    return failed({ code: 'unreadable', why: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * The URL a lesson parameter names, resolved against the page, or why it is refused.
 * Only relative references are taken (`lessons/a.yaml`, `/course/a.yaml`); whatever the
 * text, the URL parser's result must keep the page's origin and scheme.
 */
export function lessonUrl(
  param: string,
  pageUrl: string,
): { url: URL } | { error: string; detail: LessonErrorDetail } {
  const p = param.trim();
  const refused = () => {
    const detail = { code: 'notOnSite', param } as const;
    return { error: lessonError(0, detail).message, detail };
  };
  if (p === '') return { error: 'the lesson file parameter is empty', detail: { code: 'emptyParam' } };
  // A scheme (javascript:, data:, https:) or a network path (//host) is not a relative path.
  if (/^[a-z][a-z0-9+.-]*:/i.test(p.replace(/[\t\n\r]/g, '')) || /^[\\/]{2}/.test(p)) {
    return refused();
  }
  let page: URL;
  let url: URL;
  try {
    page = new URL(pageUrl);
    url = new URL(p, page);
  } catch {
    return refused();
  }
  if (url.origin !== page.origin || url.protocol !== page.protocol || url.username || url.password) {
    return refused();
  }
  return { url };
}

export interface UrlLoadOptions {
  /** The page's address (location.href). */
  readonly pageUrl: string;
  /** For tests; the page's own fetch by default. */
  readonly fetch?: typeof fetch;
}

export async function loadLessonFromUrl(param: string, options: UrlLoadOptions): Promise<LessonFileResult> {
  const resolved = lessonUrl(param, options.pageUrl);
  if ('error' in resolved) return failed(resolved.detail);
  const doFetch = options.fetch ?? fetch;
  try {
    // mode same-origin also refuses a redirect to another origin. `no-cache`: a teacher
    // who edits the file sees the edit on the next load (the HTTP cache revalidates, and
    // the offline worker asks the network first for anything but hashed assets).
    const res = await doFetch(resolved.url.href, {
      credentials: 'same-origin',
      mode: 'same-origin',
      cache: 'no-cache',
    });
    if (!res.ok)
      return failed({ code: 'httpStatus', param, status: `${res.status} ${res.statusText}`.trim() });
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > MAX_LESSON_BYTES) return tooLarge();
    const [text, yaml] = await Promise.all([readCapped(res, MAX_LESSON_BYTES), loadYaml()]);
    if (text === undefined) return tooLarge();
    return parseLessonFile(text, yaml);
  } catch (e) {
    return failed({ code: 'fetchFailed', param, why: e instanceof Error ? e.message : String(e) });
  }
}

export { lessonErrorParts, lessonErrorText } from './errorText';
