// A lesson file's errors as codes with parameters, told in Korean and English: the
// teacher reads them in the page's language, while the paths and keys of the file
// (steps[0].doneWhen, "sttus") stay as the teacher wrote them.
import type { Lang } from '../lesson';

/** What the schema wanted where the file has something else. */
export type Want = 'object' | 'array' | 'string' | 'integer' | 'boolean' | 'map';
/** What the file has: a JSON value as written, or the kind of a node. */
export type Got = { readonly value: string } | { readonly kind: 'map' | 'seq' | 'scalar' };

export type LessonErrorDetail =
  | { readonly code: 'type'; readonly want: Want; readonly got: Got }
  | { readonly code: 'enum'; readonly allowed: string; readonly got: Got; readonly quote?: string }
  | { readonly code: 'empty' }
  | { readonly code: 'pattern'; readonly value: string; readonly pattern: string }
  | { readonly code: 'minimum'; readonly min: number }
  | { readonly code: 'minItems'; readonly min: number }
  | { readonly code: 'unknownKey'; readonly key: string; readonly known: string }
  | { readonly code: 'missing'; readonly key: string }
  | { readonly code: 'checkKind'; readonly kinds: string }
  | { readonly code: 'duplicateId'; readonly id: string; readonly first: number }
  | { readonly code: 'answerRange'; readonly answer: number; readonly last: number }
  | { readonly code: 'tooDeep' }
  | { readonly code: 'alias' }
  | { readonly code: 'keyWord' }
  | { readonly code: 'keyTwice'; readonly key: string }
  | { readonly code: 'unsupportedValue' }
  | { readonly code: 'unsupportedYaml' }
  | { readonly code: 'notText' }
  | { readonly code: 'emptyFile' }
  /** The YAML parser's own words (English), with its error code. */
  | { readonly code: 'yaml'; readonly yamlCode: string; readonly text: string }
  | { readonly code: 'limitChars'; readonly max: number }
  | { readonly code: 'limitDepth'; readonly max: number }
  | { readonly code: 'limitEntries'; readonly max: number }
  | { readonly code: 'limitProperties'; readonly max: number }
  | { readonly code: 'limitAliases'; readonly max: number }
  | { readonly code: 'tooLarge'; readonly kb: number }
  | { readonly code: 'unreadable'; readonly why: string }
  | { readonly code: 'emptyParam' }
  | { readonly code: 'notOnSite'; readonly param: string }
  | { readonly code: 'httpStatus'; readonly param: string; readonly status: string }
  | { readonly code: 'fetchFailed'; readonly param: string; readonly why: string };

export type LessonErrorCode = LessonErrorDetail['code'];

const wantText: Record<Lang, Record<Want, string>> = {
  en: {
    object: 'a mapping (key: value)',
    array: 'a list',
    string: 'a text',
    integer: 'a whole number',
    boolean: 'true or false',
    map: 'a mapping',
  },
  ko: {
    object: '매핑(키: 값)',
    array: '목록',
    string: '텍스트',
    integer: '정수',
    boolean: 'true 또는 false',
    map: '매핑',
  },
};
const kindText: Record<Lang, Record<'map' | 'seq' | 'scalar', string>> = {
  en: { map: 'a mapping', seq: 'a list', scalar: 'a value' },
  ko: { map: '매핑', seq: '목록', scalar: '값' },
};
const gotText = (g: Got, lang: Lang) => ('value' in g ? g.value : kindText[lang][g.kind]);
const n = (v: number) => v.toLocaleString('en-US');

function english(d: LessonErrorDetail): string {
  switch (d.code) {
    case 'type':
      return `must be ${wantText.en[d.want]}, not ${gotText(d.got, 'en')}`;
    case 'enum':
      return `must be one of ${d.allowed}, not ${gotText(d.got, 'en')}${d.quote ? ` (write it quoted: '${d.quote}')` : ''}`;
    case 'empty':
      return 'must not be empty';
    case 'pattern':
      return `${d.value} does not match ${d.pattern}`;
    case 'minimum':
      return `must be at least ${d.min}`;
    case 'minItems':
      return `needs at least ${d.min} item${d.min === 1 ? '' : 's'}`;
    case 'unknownKey':
      return `unknown key ${d.key} (known: ${d.known})`;
    case 'missing':
      return `missing ${d.key}`;
    case 'checkKind':
      return `a check needs one of the keys ${d.kinds}`;
    case 'duplicateId':
      return `${d.id} is also the id of steps[${d.first}]`;
    case 'answerRange':
      return `${d.answer} is not a choice (choices are numbered 0 to ${d.last})`;
    case 'tooDeep':
      return 'nested too deeply';
    case 'alias':
      return 'aliases (*name) are not supported in lesson files';
    case 'keyWord':
      return 'a key must be a plain word';
    case 'keyTwice':
      return `the key "${d.key}" is given twice`;
    case 'unsupportedValue':
      return 'unsupported value (a text, number or true/false was expected)';
    case 'unsupportedYaml':
      return 'unsupported YAML';
    case 'notText':
      return 'a lesson file is text';
    case 'emptyFile':
      return 'the file is empty';
    case 'yaml':
      return d.text;
    case 'limitChars':
      return `the file is larger than ${n(d.max)} characters`;
    case 'limitDepth':
      return `nested more than ${d.max} levels deep`;
    case 'limitEntries':
      return `more than ${n(d.max)} entries`;
    case 'limitProperties':
      return `more than ${d.max} anchors (&name) and tags (!tag)`;
    case 'limitAliases':
      return `more than ${d.max} aliases (*name)`;
    case 'tooLarge':
      return `the file is larger than ${d.kb} KB`;
    case 'unreadable':
      return `the file could not be read (${d.why})`;
    case 'emptyParam':
      return 'the lesson file parameter is empty';
    case 'notOnSite':
      return `"${d.param}" is not a path on this site`;
    case 'httpStatus':
      return `could not load ${d.param}: ${d.status}`.trim();
    case 'fetchFailed':
      return `could not load ${d.param} (${d.why})`;
  }
}

function korean(d: LessonErrorDetail): string {
  switch (d.code) {
    case 'type':
      return `${wantText.ko[d.want]}이어야 하는데 ${gotText(d.got, 'ko')}입니다`;
    case 'enum':
      return `${d.allowed} 중 하나여야 하는데 ${gotText(d.got, 'ko')}입니다${d.quote ? ` (따옴표로 감싸세요: '${d.quote}')` : ''}`;
    case 'empty':
      return '비어 있으면 안 됩니다';
    case 'pattern':
      return `${d.value} 이(가) 형식 ${d.pattern} 에 맞지 않습니다`;
    case 'minimum':
      return `${d.min} 이상이어야 합니다`;
    case 'minItems':
      return `항목이 ${d.min}개 이상 있어야 합니다`;
    case 'unknownKey':
      return `알 수 없는 키 ${d.key} (쓸 수 있는 키: ${d.known
        .split(', ')
        .map((k) => `"${k}"`)
        .join(', ')})`;
    case 'missing':
      return `${d.key} 이(가) 없습니다`;
    case 'checkKind':
      return `확인 조건에는 다음 키 중 하나가 있어야 합니다: ${d.kinds}`;
    case 'duplicateId':
      return `${d.id} 은(는) steps[${d.first}] 의 id 와 같습니다`;
    case 'answerRange':
      return `${d.answer} 은(는) 선택지 번호가 아닙니다 (선택지는 0부터 ${d.last}까지)`;
    case 'tooDeep':
      return '너무 깊게 중첩되어 있습니다';
    case 'alias':
      return '레슨 파일에서는 별칭(*name)을 쓸 수 없습니다';
    case 'keyWord':
      return '키는 평범한 단어여야 합니다';
    case 'keyTwice':
      return `키 "${d.key}" 가 두 번 나옵니다`;
    case 'unsupportedValue':
      return '지원하지 않는 값입니다 (텍스트, 숫자, true/false 중 하나여야 합니다)';
    case 'unsupportedYaml':
      return '지원하지 않는 YAML 입니다';
    case 'notText':
      return '레슨 파일은 텍스트여야 합니다';
    case 'emptyFile':
      return '파일이 비어 있습니다';
    case 'yaml':
      return `YAML 문법 오류 (${d.yamlCode})`;
    case 'limitChars':
      return `파일이 ${n(d.max)}자보다 깁니다`;
    case 'limitDepth':
      return `${d.max}단계보다 깊게 중첩되어 있습니다`;
    case 'limitEntries':
      return `항목이 ${n(d.max)}개보다 많습니다`;
    case 'limitProperties':
      return `앵커(&name)와 태그(!tag)가 ${d.max}개보다 많습니다`;
    case 'limitAliases':
      return `별칭(*name)이 ${d.max}개보다 많습니다`;
    case 'tooLarge':
      return `파일이 ${d.kb} KB 보다 큽니다`;
    case 'unreadable':
      return `파일을 읽을 수 없습니다 (${d.why})`;
    case 'emptyParam':
      return '레슨 파일 매개변수가 비어 있습니다';
    case 'notOnSite':
      return `"${d.param}" 은(는) 이 사이트의 경로가 아닙니다`;
    case 'httpStatus':
      return `${d.param} 을(를) 불러오지 못했습니다: ${d.status}`.trim();
    case 'fetchFailed':
      return `${d.param} 을(를) 불러오지 못했습니다 (${d.why})`;
  }
}

/** The words of one error without its place, in a language. */
export function detailText(d: LessonErrorDetail, lang: Lang): string {
  return lang === 'ko' ? korean(d) : english(d);
}

/** Where in the lesson an error is: a path as written (steps[1].doneWhen), or the lesson itself. */
export function placeText(path: string | undefined, lang: Lang): string | undefined {
  if (path === undefined) return undefined;
  return path === '' ? (lang === 'ko' ? '레슨' : 'the lesson') : path;
}

export interface LessonError {
  /** 1-based line in the file; 0 when the error is not about a line (or the lesson did not come from a file). */
  readonly line: number;
  /** The error in English, as the walker, the embed and the logs report it. */
  readonly message: string;
  /** The path in the lesson ('' for the lesson itself); absent for errors about the whole file. */
  readonly path?: string;
  readonly detail?: LessonErrorDetail;
}

export function lessonError(line: number, detail: LessonErrorDetail, path?: string): LessonError {
  const place = placeText(path, 'en');
  const words = detailText(detail, 'en');
  return {
    line,
    message: place === undefined ? words : `${place}: ${words}`,
    ...(path === undefined ? {} : { path }),
    detail,
  };
}

/** An error in the page's language: where (a path of the file, as written) and what (its English message when it carries no code). */
export function lessonErrorParts(
  e: Pick<LessonError, 'message' | 'path' | 'detail'>,
  lang: Lang,
): { readonly place?: string; readonly words: string } {
  if (!e.detail) return { words: e.message };
  const words = detailText(e.detail, lang);
  if (e.path === undefined) return { words };
  // The lesson itself is a place in words, not a path of the file.
  if (e.path === '') return { words: `${placeText('', lang)}: ${words}` };
  return { place: e.path, words };
}

export function lessonErrorText(e: Pick<LessonError, 'message' | 'path' | 'detail'>, lang: Lang): string {
  const { place, words } = lessonErrorParts(e, lang);
  return place === undefined ? words : `${place}: ${words}`;
}
