// The terminal's own words in the page's language. Host names and commands stay as typed.
import type { Lang } from '../../lessons';

export interface TerminalText {
  /** The text box's accessible name (DESIGN contract 4: "Terminal, m-k8s"). */
  input(host: string): string;
  output(host: string): string;
  tabs: string;
  samples: string;
  keys: string;
  /** The Ctrl+C button's accessible name. */
  interrupt(host: string): string;
  /** Beside the sample commands while a command runs. */
  busy: string;
}

export const terminalText: Readonly<Record<Lang, TerminalText>> = {
  en: {
    input: (host) => `Terminal, ${host}`,
    output: (host) => `Terminal output, ${host}`,
    tabs: 'Terminals',
    samples: 'Sample commands',
    interrupt: (host) => `Send Ctrl+C to ${host}`,
    busy: 'A command is running: the sample commands can be clicked when the prompt is back (or after Ctrl+C).',
    keys: 'Enter runs the line. Up and Down recall earlier lines, Tab completes, Ctrl+C interrupts, Ctrl+D on an empty line exits the shell, Ctrl+L clears. Press Escape, then Tab, to leave the terminal.',
  },
  ko: {
    input: (host) => `터미널, ${host}`,
    output: (host) => `터미널 출력, ${host}`,
    tabs: '터미널',
    samples: '예시 명령',
    interrupt: (host) => `${host} 에 Ctrl+C 보내기`,
    busy: '명령이 실행 중입니다. 프롬프트가 돌아오면(또는 Ctrl+C 뒤에) 예시 명령을 누를 수 있습니다.',
    keys: 'Enter로 실행합니다. 위·아래 화살표로 이전 명령, Tab으로 자동 완성, Ctrl+C로 중단, 빈 줄에서 Ctrl+D로 셸 종료, Ctrl+L로 화면 지우기. 터미널에서 나가려면 Esc 다음 Tab을 누르세요.',
  },
};
