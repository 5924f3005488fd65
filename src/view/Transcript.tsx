// The lesson's command lines as the simulated shell on m-k8s ran them, and what they
// printed, up to "now": `pod/nginx-pod created` appears when kubectl's answer arrives.
import { useSyncExternalStore } from 'react';
import type { Lang } from '../lessons';
import type { LessonPlayer } from '../player';
import { ui } from './i18n';
import { Coloured } from './terminal/Coloured';

export function Transcript({ lp, lang }: { lp: LessonPlayer; lang: Lang }) {
  // Only the number of lines shown matters here, so a frame of flight does not redraw it.
  const count = useSyncExternalStore(lp.player.subscribe, () => lp.transcriptAt(lp.player.now).length);
  const lines = lp.transcriptAt(lp.player.now).slice(0, count);
  const host = lines[0]?.host ?? 'm-k8s';
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls inside a full-screen layout, and a scrolling region must take the focus to be scrolled from the keyboard
    <section className="transcript" aria-label={ui[lang].commands(host)} tabIndex={0}>
      <pre>
        {lines.length === 0 ? <span className="transcript-idle">[root@{host} ~]# </span> : null}
        {lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are appended and never reordered
          <span key={i} className={`transcript-${l.kind}`}>
            <Coloured text={l.text} />
            {'\n'}
          </span>
        ))}
      </pre>
    </section>
  );
}
