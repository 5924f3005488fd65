// The banner of the page attached to `npm run api`: which server, whether its stream
// stands, whether the page is at the live edge, and why an input was refused.
import type { Lang } from '../lessons';
import type { AttachedState } from './useAttached';

const text = {
  en: {
    banner: (address: string) =>
      `Attached to npm run api at ${address}: real kubectl's requests are drawn as they arrive; what you type or break here runs there.`,
    lost: 'The connection to the server is lost; trying again…',
    catchingUp: (p: number) => `Replaying what the server did so far: ${Math.round(p * 100)} %…`,
    goLive: 'Go live',
    behind: 'Looking at the past: the cluster goes on without you.',
    past: 'The real cluster cannot be rewound: an input is made at its now. Go live to act.',
    server: (why: string) => `The server did not take the input: ${why}`,
    dismiss: 'Dismiss',
  },
  ko: {
    banner: (address: string) =>
      `${address} 의 npm run api 에 연결됨: 실제 kubectl 의 요청을 오는 대로 그리며, 여기서 한 입력과 장애는 그곳에서 실행됩니다.`,
    lost: '서버와의 연결이 끊겼습니다. 다시 연결하는 중…',
    catchingUp: (p: number) => `서버에서 지금까지 일어난 일을 다시 재생하는 중: ${Math.round(p * 100)} %…`,
    goLive: '지금으로',
    behind: '지난 시점을 보고 있습니다: 클러스터는 계속 움직입니다.',
    past: '실제 클러스터는 되감을 수 없습니다: 입력은 서버의 지금 시점에 적용됩니다. 지금으로 돌아가 입력하세요.',
    server: (why: string) => `서버가 입력을 받지 않았습니다: ${why}`,
    dismiss: '닫기',
  },
};

export function AttachedBanner({
  address,
  state,
  live,
  lang,
}: {
  readonly address: string;
  readonly state: AttachedState;
  /** The moment on screen follows the server's clock. */
  readonly live: boolean;
  readonly lang: Lang;
}) {
  const t = text[lang];
  return (
    <div className="notice attached-banner" role="status" aria-label="npm run api">
      <span>
        {t.banner(address)}
        {!state.connected && ` ${t.lost}`}
        {state.catchingUp !== undefined && ` ${t.catchingUp(state.catchingUp)}`}
        {!live && state.catchingUp === undefined && ` ${t.behind}`}
      </span>
      {!live && state.catchingUp === undefined && (
        <button type="button" onClick={state.goLive}>
          {t.goLive}
        </button>
      )}
      {state.problem && (
        <span role="alert" className="attached-problem">
          {state.problem.kind === 'past' ? t.past : t.server(state.problem.text)}
          <button type="button" onClick={state.dismiss} aria-label={t.dismiss}>
            ×
          </button>
        </span>
      )}
    </div>
  );
}
