// The page watching a real cluster (served by `kubectl proxy --www`, or named by ?api=):
// the same diagram as the simulated lab, drawn from what the API server holds; the
// inferred messages flying between the components; the changes on the book's steps and
// the events as they come. No terminal, no faults: the page only ever sends GET.
import { useLayoutEffect, useMemo, useState } from 'react';
import type { Lang } from '../lessons/lesson';
import { ui } from '../view/i18n';
import type { Layout } from '../view/layout';
import { narrowLayout, wideLayout } from '../view/layout';
import { StillPicture } from '../view/StillPicture';
import { RESOURCES } from './apiShapes';
import { clusterShape } from './clusterShape';
import type { Probe } from './detect';
import { LiveTokens } from './LiveTokens';
import { changeText, failureText, liveUi } from './liveText';
import { observedFrame } from './observedFrame';
import { useLiveCluster } from './useLiveCluster';
import './live.css';

const NONE: ReadonlySet<string> = new Set();
const NO_PILES: ReadonlyMap<string, number> = new Map();

function pageLang(search: string): Lang {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === 'ko' || asked === 'en') return asked;
  const first =
    typeof navigator === 'undefined' ? '' : (navigator.languages?.[0] ?? navigator.language ?? '');
  return first.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

function pageTheme(search: string): string {
  const asked = new URLSearchParams(search).get('theme');
  return asked === 'dark' || asked === 'projector' ? asked : 'light';
}

export function LiveApp({ start, search }: { readonly start: Probe; readonly search: string }) {
  const [lang, setLang] = useState<Lang>(() => pageLang(search));
  const theme = pageTheme(search);
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dataset.theme = theme;
  }, [lang, theme]);
  const chooseLang = (l: Lang) => {
    setLang(l);
    const q = new URLSearchParams(window.location.search);
    q.set('lang', l);
    window.history.replaceState(null, '', `?${q}`);
  };
  const t = liveUi[lang];
  return (
    <div className={`app live theme-${theme}`}>
      <header className="app-header">
        <h1>Podscope</h1>
        <p className="lesson-title">{t.title}</p>
        <fieldset className="live-lang">
          <legend>{t.language}</legend>
          {(['ko', 'en'] as const).map((l) => (
            <button key={l} type="button" aria-pressed={lang === l} onClick={() => chooseLang(l)}>
              {l === 'ko' ? '한국어' : 'English'}
            </button>
          ))}
        </fieldset>
      </header>
      {start.ok ? (
        <Watching base={start.base} version={start.version} lang={lang} />
      ) : (
        <div className="notice live-failed" role="alert">
          <p>{failureText(start, lang)}</p>
          <a href={`?lang=${lang}`}>{t.openLab}</a>
        </div>
      )}
    </div>
  );
}

function Watching({
  base,
  version,
  lang,
}: {
  readonly base: string;
  readonly version: string;
  readonly lang: Lang;
}) {
  const live = useLiveCluster(base);
  const t = liveUi[lang];
  const narrow = typeof matchMedia === 'function' && matchMedia('(max-width: 640px)').matches;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the observer's version is the key
  const frame = useMemo(() => observedFrame(live.obs, live.clock()), [live.obs, live.version]);
  const shape = clusterShape(live.obs.all('nodes'));
  const shapeKey = `${shape.master}|${shape.workers.join(',')}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the nodes' names are the key
  const layout: Layout = useMemo(() => {
    // The master's box, and kubectl's in it, carry the control-plane node's real name.
    return narrow ? narrowLayout(shape.workers, shape.master) : wideLayout(shape.workers, shape.master);
  }, [shapeKey, narrow]);
  const changes = live.obs.changes().slice(-40).reverse();
  const events = live.obs.events().slice(-30).reverse();
  const shown = base || window.location.origin;
  return (
    <>
      <div className="notice live-banner" role="note">
        <p>{t.banner(shown, version)}</p>
      </div>
      <p className="live-connection" role="status">
        {live.lost ? t.lost(live.lost.resource, live.lost.why) : t.watching(live.watching, RESOURCES.length)}
      </p>
      <main className="layout">
        <section className="stage" aria-label={ui[lang].stage}>
          {/* biome-ignore lint/a11y: role group on <svg> keeps the components inside it in the accessibility tree */}
          <svg
            role="group"
            aria-label={ui[lang].diagram}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            className="stage-svg view-watch"
            preserveAspectRatio="xMidYMin meet"
          >
            <StillPicture
              frame={frame}
              layout={layout}
              lang={lang}
              actors={NONE}
              subjectKey=""
              piled={NO_PILES}
              motion={true}
              fontBase={15}
            />
            <LiveTokens
              messages={() => live.obs.messages()}
              clock={live.clock}
              layout={layout}
              lang={lang}
              version={live.version}
            />
          </svg>
        </section>
        <div className="side live-side">
          <section aria-label={t.changes}>
            <h2>{t.changes}</h2>
            <div role="log">
              <ol className="live-changes">
                {changes.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list is the log's tail, newest first
                  <li key={`${c.at}-${i}`}>
                    {c.step !== undefined && <span className="live-step">{t.step(c.step)}</span>}
                    <span>{changeText(c, lang)}</span>
                  </li>
                ))}
              </ol>
            </div>
          </section>
          <section aria-label={t.events}>
            <h2>{t.events}</h2>
            {events.length === 0 ? (
              <p className="live-muted">{t.noEvents}</p>
            ) : (
              <div role="log">
                <ol className="live-events">
                  {events.map((e, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the list is the log's tail, newest first
                    <li key={`${e.at}-${i}`} className={e.type === 'Warning' ? 'warning' : undefined}>
                      <span className="live-reason">{e.reason}</span> {e.object}: {e.message}
                      {e.source && <span className="live-muted"> ({e.source})</span>}
                    </li>
                  ))}
                </ol>
              </div>
            )}
          </section>
        </div>
        <section className="lab-panel live-readonly" aria-label={t.readOnly}>
          <h2>{t.readOnly}</h2>
          <p>{t.readOnlyText}</p>
        </section>
      </main>
    </>
  );
}

export default LiveApp;
