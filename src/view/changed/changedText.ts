// The "what changed" view's words, in the page's two languages (the opening button's
// label is in src/view/i18n.ts, in the page's first chunk).
import type { Lang } from '../../lessons';

const en = {
  title: (v: string) => `What changed in ${v}`,
  close: 'Close',
  intro: (a: string, b: string) =>
    `The book’s lab as printed (${a}) beside its second edition’s (${b}). Every output below is computed by the simulation of each version as you open it.`,
  momentTitle: 'At this moment',
  momentIntro: (at: string) =>
    `Both labs replay this page’s timeline up to cluster time ${at} s (the lesson’s lines and yours, the faults, from the same seed), each on its own machines, then run the command.`,
  lastTyped: 'Your last command',
  stepCommand: 'This step’s command',
  lessonCommand: 'This lesson’s command',
  on: (host: string, at: string) => `on ${host}, at ${at} s`,
  command: 'Command',
  host: 'Machine',
  compare: 'Compare',
  compareThis: (line: string) => `Compare: ${line}`,
  attached:
    'The page follows the lab of npm run api: its moments are that server’s, so this part is not shown. The differences below run in labs of their own.',
  listTitle: (n: number) => `The differences (${n})`,
  field: 'Field',
  source: 'Source',
  unverified: 'Not verified',
  typed: (host: string) => `Typed on ${host} of a fresh lab of each version (seed 1, the book’s ready lab):`,
  noScript: 'No single command shows it: src/shell/profiles.test.ts times it in both labs.',
  none: '(none)',
  running: (p: string) => `Running in the ${p} lab…`,
  side: (p: string, title: string, host: string) => `${p} — ${title} (${host})`,
  pageLab: 'this page’s lab',
  outputs: (line: string) => `The outputs of ${line} in both labs`,
  sameOutput: 'Both labs print the same.',
  differ: (n: number) => (n === 1 ? '1 line differs.' : `${n} lines differ.`),
  changedMark: 'differs',
};

const ko: typeof en = {
  title: (v: string) => `${v}에서 달라진 점`,
  close: '닫기',
  intro: (a: string, b: string) =>
    `책에 실린 실습 환경(${a})과 개정판의 실습 환경(${b})을 나란히 놓았습니다. 아래의 출력은 모두 이 창을 열 때 각 버전의 시뮬레이션이 직접 계산한 것입니다.`,
  momentTitle: '지금 이 순간',
  momentIntro: (at: string) =>
    `두 실습 환경 모두 이 페이지의 타임라인을 클러스터 시간 ${at}초까지 같은 시드로 다시 재생한 뒤(레슨의 명령, 직접 입력한 명령, 장애), 각자의 머신에서 명령을 실행합니다.`,
  lastTyped: '마지막으로 입력한 명령',
  stepCommand: '이 단계의 명령',
  lessonCommand: '이 레슨의 명령',
  on: (host: string, at: string) => `${host}, ${at}초`,
  command: '명령',
  host: '머신',
  compare: '비교',
  compareThis: (line: string) => `비교: ${line}`,
  attached:
    '이 페이지는 npm run api 의 실습 환경을 따라가고 있어 순간들이 그 서버의 것입니다. 그래서 이 부분은 보여 주지 않습니다. 아래의 차이점들은 각자의 실습 환경에서 실행됩니다.',
  listTitle: (n: number) => `달라진 점 (${n}가지)`,
  field: '필드',
  source: '출처',
  unverified: '확인하지 못함',
  typed: (host: string) =>
    `각 버전의 새 실습 환경(시드 1, 책의 준비된 실습 환경)에서 ${host} 에 입력한 명령:`,
  noScript:
    '명령 하나로 보이지 않는 차이입니다. src/shell/profiles.test.ts 가 두 실습 환경에서 시간을 잽니다.',
  none: '(없음)',
  running: (p: string) => `${p} 실습 환경에서 실행하는 중…`,
  side: (p: string, title: string, host: string) => `${p} — ${title} (${host})`,
  pageLab: '이 페이지의 실습 환경',
  outputs: (line: string) => `두 실습 환경에서 ${line} 의 출력`,
  sameOutput: '두 실습 환경의 출력이 같습니다.',
  differ: (n: number) => `${n}줄이 다릅니다.`,
  changedMark: '다름',
};

export const changedText: Readonly<Record<Lang, typeof en>> = { en, ko };
