// The page's notices about the address it was opened with (a bad `speed`, a shared
// link's inputs, a `faults` list) in the page's language. The parsers that find them
// (urlState, inputCodec, the fault list) say them in English; the parameter names,
// values and fault ids inside stay as the address has them.
import type { Lang } from '../lessons';

const why: Record<string, string> = {
  'no time': '시각이 없습니다',
  'out of order': '시각 순서가 맞지 않습니다',
  'not a fault': '장애가 아닙니다',
  'no such terminal': '그런 터미널이 없습니다',
  'bad line': '잘못된 명령 줄입니다',
  'unknown kind': '알 수 없는 종류입니다',
};

const korean: readonly [RegExp, (...m: string[]) => string][] = [
  [
    /^([\w-]+)="(.*)" → (.*)$/s,
    (_, name, value, fallback) =>
      `주소의 ${name}="${value}" 은(는) 쓸 수 없어 기본값 ${/^[\d.]+$/.test(fallback as string) ? fallback : `"${fallback}"`} 을(를) 씁니다`,
  ],
  [
    /^inputs: (\d+) > (\d+), the rest dropped$/,
    (_, n, max) => `inputs: 입력 ${n}개 중 앞의 ${max}개만 씁니다`,
  ],
  [/^inputs "(.*)": (.*)$/s, (_, part, w) => `inputs "${part}": ${why[w as string] ?? w}`],
  [/^unknown fault "(.*)"$/s, (_, id) => `알 수 없는 장애 "${id}"`],
  [/^"(.*)" needs a node, e.g. (\S+)$/s, (_, id, e) => `"${id}" 에는 노드가 필요합니다 (예: ${e})`],
  [/^unknown node "(.*)"$/s, (_, node) => `알 수 없는 노드 "${node}"`],
];

export function noticeText(notice: string, lang: Lang): string {
  if (lang !== 'ko') return notice;
  for (const [re, say] of korean) {
    const m = re.exec(notice);
    if (m) return say(...m);
  }
  return notice;
}
