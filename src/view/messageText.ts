// A message's label on the diagram in the page's language. The simulation writes its
// summaries in English (the trace is the same whatever the reader's language); here
// the plain words are told in Korean, while what belongs to the protocols — HTTP verbs
// and status lines, etcd's put/range, CRI methods, resource paths, names — stays as
// the real components say it.
import type { Lang } from '../lessons';

const watchAction: Record<string, string> = { added: '추가됨', modified: '변경됨', deleted: '삭제됨' };

const korean: readonly [RegExp, (...m: string[]) => string][] = [
  [/^revision (\d+)$/, (_, n) => `리비전 ${n}`],
  [/^ok$/, () => '완료'],
  [/^(added|modified|deleted) (\S+)$/, (_, a, s) => `${s} ${watchAction[a as string]}`],
  [/^(\d{3} \d+ \S+), watching$/, (_, head) => `${head}, 감시 시작`],
  [/^(.*) \(dry run\)$/, (_, head) => `${koreanOf(head as string)} (시험 실행)`],
  [/^container (\S+) started$/, (_, id) => `컨테이너 ${id} 시작됨`],
  [/^container (\S+) stopped$/, (_, id) => `컨테이너 ${id} 중지됨`],
  [/^(\S+\/\S+) running$/, (_, c) => `${c} 실행 중`],
  [/^(\S+\/\S+) exited \((-?\d+)\)$/, (_, c, code) => `${c} 종료 (${code})`],
  [/^pulled (\S+)$/, (_, image) => `${image} 이미지 받음`],
  [/^sandbox removed$/, () => '샌드박스 제거됨'],
  [/^released$/, () => 'IP 반환됨'],
  [/^ADD (\S+) on (\S+)$/, (_, pod, node) => `ADD ${pod} (${node})`],
  [/^reply from (\S+)$/, (_, ip) => `${ip} 의 응답`],
  [/^error: (.*)$/, (_, why) => `오류: ${why}`],
];

function koreanOf(summary: string): string {
  for (const [re, say] of korean) {
    const m = re.exec(summary);
    if (m) return say(...m);
  }
  return summary;
}

export function messageText(summary: string, lang: Lang): string {
  return lang === 'ko' ? koreanOf(summary) : summary;
}
