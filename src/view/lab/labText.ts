// The lab panel's words, Korean first as our students read them.
import type { Lang } from '../../lessons';

export const labText = {
  ko: {
    lab: '실습',
    terminal: '터미널',
    faults: '장애',
    inspect: '살펴보기',
    faultsInForce: '지금 걸려 있는 장애',
    none: '걸려 있는 장애가 없습니다. 다이어그램의 구성 요소를 누르면(또는 Enter) 장애를 주입할 수 있습니다.',
    heal: '복구',
    broke: '무엇이 멈췄나',
    observe: 'kubectl 로 보이는 것',
    next: '다음에 일어날 일',
    stuck: '왜 멈춰 있나요?',
    stuckTitle: (pod: string, step: number) => `${pod}: ${step}단계에서 멈춰 있습니다`,
    notActing: '일하지 않는 구성 요소',
    tryCommand: '확인해 볼 명령',
    runIt: '실행',
    runBusy: (host: string) =>
      `${host} 에서 명령이 실행 중입니다: 프롬프트가 돌아오기를 기다리거나 Ctrl+C 를 누르세요.`,
    loading: '터미널을 불러오는 중…',
    catchingUp: (what: string) => `${what} — 그 시점까지 따라잡는 중…`,
    menuOf: (name: string) => `${name} 에 일어날 일`,
    timelineInput: (what: string) => `입력: ${what}`,
    forked: (s: string, commands: number, faults: number) =>
      `— ${s}초 시점으로 되돌아가 입력했습니다: 그 뒤에 했던 ${[commands ? `명령 ${commands}개` : '', faults ? `고장 주입·복구 ${faults}개` : ''].filter(Boolean).join('와 ')}가 새 흐름으로 대체되었습니다 —`,
  },
  en: {
    lab: 'Lab',
    terminal: 'Terminal',
    faults: 'Faults',
    inspect: 'Inspect',
    faultsInForce: 'Faults in force',
    none: 'No fault in force. Click a component on the diagram (or press Enter on it) to inject one.',
    heal: 'Heal',
    broke: 'What broke',
    observe: 'What kubectl shows',
    next: 'What happens next',
    stuck: 'Why is it stuck?',
    stuckTitle: (pod: string, step: number) => `${pod} is stuck at step ${step}`,
    notActing: 'Not acting',
    tryCommand: 'Command that shows it',
    runIt: 'Run',
    runBusy: (host: string) => `A command is running on ${host}: wait for its prompt, or press Ctrl+C.`,
    loading: 'Loading the terminal…',
    catchingUp: (what: string) => `${what} — catching up to that moment…`,
    menuOf: (name: string) => `What can happen to ${name}`,
    timelineInput: (what: string) => `Input: ${what}`,
    forked: (s: string, commands: number, faults: number) =>
      `— rewound to ${s} s and acted there: ${[commands ? `${commands} of your later command${commands === 1 ? '' : 's'}` : '', faults ? `${faults} of your later fault${faults === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ')} ${commands + faults === 1 ? 'was' : 'were'} replaced —`,
  },
} satisfies Record<Lang, unknown>;
