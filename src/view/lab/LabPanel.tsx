// Under the stage: the terminal (one tab per machine) and the faults, as tabs. The
// terminal's code loads when the panel first shows it, keeping the first page light.
import './lab.css';
import type { KeyboardEvent } from 'react';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { Lang } from '../../lessons';
import type { Frame, LessonPlayer } from '../../player';
import type { FaultRef } from '../../sim';
import type { TerminalRequest } from '../terminal/request';
import { CatchingUp } from './CatchingUp';
import { labSession } from './labSession';
import { labText } from './labText';

// Each tab's code loads the first time the tab is opened, keeping the first page light.
const Terminal = lazy(() => import('../terminal').then((m) => ({ default: m.Terminal })));
const FaultPanel = lazy(() => import('./FaultPanel').then((m) => ({ default: m.FaultPanel })));
const Inspectors = lazy(() => import('../inspectors').then((m) => ({ default: m.Inspectors })));

export type LabTab = 'terminal' | 'faults' | 'inspect';
export type { TerminalRequest } from '../terminal/request';

type Tab = LabTab;

interface Props {
  readonly lp: LessonPlayer;
  readonly lang: Lang;
  /** The shells' code is here (the lesson's driver has loaded). */
  readonly ready: boolean;
  readonly faults: readonly FaultRef[];
  readonly story: FaultRef | undefined;
  readonly samples: readonly string[];
  readonly fontScale: number;
  readonly tab: Tab;
  readonly onTab: (t: Tab) => void;
  readonly frame: Frame;
  /** The component whose details the inspector shows (the last one picked on the diagram). */
  readonly componentId: string | undefined;
  readonly onCloseComponent: () => void;
  /** A lesson's command to type in the terminal, or a Ctrl+C to press there. */
  readonly request?: TerminalRequest | undefined;
}

export function LabPanel({
  lp,
  lang,
  ready,
  faults,
  story,
  samples,
  fontScale,
  tab,
  onTab,
  frame,
  componentId,
  onCloseComponent,
  request,
}: Props) {
  const t = labText[lang];
  // One tab per machine: the master (m-k8s, or cp-k8s in the second edition's lab) and the book's workers.
  const master = frame.components.find((c) => c.number === 1)?.host ?? 'm-k8s';
  const labHosts = useMemo(() => [master, 'w1-k8s', 'w2-k8s', 'w3-k8s'], [master]);
  const session = useMemo(() => labSession(lp), [lp]);
  // A person acted in the past and some of their own later inputs were thrown away: the scrollback says which.
  const forks = lp.forks;
  const forked = useMemo(() => {
    const fork = lp.recording.lastFork;
    if (forks === 0 || !fork || fork.replaced.length === 0) return undefined;
    const faults = fork.replaced.filter((i) => 'fault' in i).length;
    return { id: forks, text: t.forked((fork.at / 1000).toFixed(1), fork.replaced.length - faults, faults) };
  }, [forks, lp, t]);
  const [seen, setSeen] = useState<ReadonlySet<Tab>>(new Set([tab]));
  const open = (next: Tab) => {
    onTab(next);
    setSeen((s) => new Set([...s, next]));
  };
  const tabs: Tab[] = ['terminal', 'faults', 'inspect'];
  const loading = <p className="lab-loading">{t.loading}</p>;
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.indexOf(tab);
    if (e.key === 'ArrowRight') open(tabs[(i + 1) % tabs.length] as Tab);
    else if (e.key === 'ArrowLeft') open(tabs[(i - 1 + tabs.length) % tabs.length] as Tab);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <section className="lab-panel" aria-label={t.lab}>
      <CatchingUp lp={lp} lang={lang} />
      <div className="lab-tabs" role="tablist" aria-label={t.lab} onKeyDown={onKey}>
        {tabs.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`lab-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`lab-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => open(id)}
          >
            {id === 'terminal'
              ? t.terminal
              : id === 'inspect'
                ? t.inspect
                : `${t.faults}${faults.length ? ` (${faults.length})` : ''}`}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id="lab-panel-terminal"
        aria-labelledby="lab-tab-terminal"
        hidden={tab !== 'terminal'}
      >
        {ready && (seen.has('terminal') || tab === 'terminal') ? (
          <Suspense fallback={<p className="lab-loading">{t.loading}</p>}>
            <Terminal
              session={session}
              hosts={labHosts}
              lang={lang}
              samples={samples}
              fontScale={fontScale}
              request={request}
              notice={forked}
            />
          </Suspense>
        ) : (
          loading
        )}
      </div>
      <div role="tabpanel" id="lab-panel-faults" aria-labelledby="lab-tab-faults" hidden={tab !== 'faults'}>
        {(seen.has('faults') || tab === 'faults') && (
          <Suspense fallback={loading}>
            <FaultPanel lp={lp} lang={lang} faults={faults} story={story} frame={frame} />
          </Suspense>
        )}
      </div>
      <div
        role="tabpanel"
        id="lab-panel-inspect"
        aria-labelledby="lab-tab-inspect"
        hidden={tab !== 'inspect'}
      >
        {(seen.has('inspect') || tab === 'inspect') && (
          <Suspense fallback={loading}>
            <Inspectors
              frame={frame}
              now={lp.player.now}
              lang={lang}
              envelopes={lp.recording.envelopes()}
              {...(componentId ? { componentId, onCloseComponent } : {})}
            />
          </Suspense>
        )}
      </div>
    </section>
  );
}
