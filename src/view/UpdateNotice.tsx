// "A new version of Podscope is ready: reload" (issue 16), for a page left open while a
// new build was deployed. The check is useNewVersion's; this only shows it.
import type { Lang } from '../lessons';
import { useNewVersion } from './useNewVersion';

const words = {
  ko: { ready: 'Podscope 새 버전이 준비되었습니다.', reload: '새로 고침' },
  en: { ready: 'A new version of Podscope is ready.', reload: 'Reload' },
} as const;

export function UpdateNotice({ lang, enabled }: { readonly lang: Lang; readonly enabled: boolean }) {
  const ready = useNewVersion(enabled);
  if (!ready) return null;
  const w = words[lang];
  return (
    <div className="notice update-notice" role="status">
      <span>{w.ready}</span>{' '}
      <button type="button" onClick={() => location.reload()}>
        {w.reload}
      </button>
    </div>
  );
}
