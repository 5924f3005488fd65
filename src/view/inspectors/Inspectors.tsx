// The inspectors as one panel: tabs for events, pods, nodes and etcd's keys (an ARIA
// tablist: arrows, Home and End move between tabs), and, when a component is picked on
// the diagram, its detail above them. Only the open tab's table is drawn, so a hidden
// table costs nothing while the animation plays.
import type { KeyboardEvent } from 'react';
import { useId, useRef, useState } from 'react';
import type { Lang } from '../../lessons';
import type { Frame } from '../../player';
import type { Envelope } from '../../sim';
import { ComponentDetail } from './ComponentDetail';
import { EtcdKeysTable } from './EtcdKeysTable';
import { EventsTable } from './EventsTable';
import './inspectors.css';
import { NodesTable } from './NodesTable';
import { PodsTable } from './PodsTable';
import { inspectorText } from './text';

export type InspectorTab = 'events' | 'pods' | 'nodes' | 'etcd';

export const INSPECTOR_TABS: readonly InspectorTab[] = ['events', 'pods', 'nodes', 'etcd'];

export interface InspectorsProps {
  readonly frame: Frame;
  /** The player's now (ages and LAST SEEN count from it). */
  readonly now: number;
  readonly lang: Lang;
  /** The trace, for a picked component's messages. */
  readonly envelopes?: readonly Envelope[];
  /** The component picked on the diagram ('scheduler', 'kubelet@w2-k8s'); its detail shows above the tabs. */
  readonly componentId?: string;
  readonly onCloseComponent?: () => void;
  readonly defaultTab?: InspectorTab;
  readonly className?: string;
}

export function Inspectors({
  frame,
  now,
  lang,
  envelopes,
  componentId,
  onCloseComponent,
  defaultTab = 'events',
  className,
}: InspectorsProps) {
  const text = inspectorText[lang];
  const [tab, setTab] = useState<InspectorTab>(defaultTab);
  const baseId = useId();
  const tabRefs = useRef(new Map<InspectorTab, HTMLButtonElement>());

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = INSPECTOR_TABS.length - 1;
    const to =
      e.key === 'ArrowRight'
        ? (index + 1) % INSPECTOR_TABS.length
        : e.key === 'ArrowLeft'
          ? (index + last) % INSPECTOR_TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : undefined;
    if (to === undefined) return;
    e.preventDefault();
    const next = INSPECTOR_TABS[to] as InspectorTab;
    setTab(next);
    tabRefs.current.get(next)?.focus();
  };

  return (
    <section className={className ? `insp ${className}` : 'insp'} aria-label={text.inspectors} lang={lang}>
      {componentId && envelopes ? (
        <ComponentDetail
          frame={frame}
          envelopes={envelopes}
          componentId={componentId}
          now={now}
          lang={lang}
          {...(onCloseComponent ? { onClose: onCloseComponent } : {})}
        />
      ) : null}
      <div role="tablist" aria-label={text.inspectors} className="insp-tabs">
        {INSPECTOR_TABS.map((t, i) => (
          <button
            key={t}
            ref={(el) => {
              if (el) tabRefs.current.set(t, el);
              else tabRefs.current.delete(t);
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${t}`}
            aria-selected={t === tab}
            aria-controls={`${baseId}-panel-${t}`}
            tabIndex={t === tab ? 0 : -1}
            className="insp-tab"
            onClick={() => setTab(t)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {text.tabs[t]}
          </button>
        ))}
      </div>
      {INSPECTOR_TABS.map((t) => (
        <div
          key={t}
          role="tabpanel"
          id={`${baseId}-panel-${t}`}
          aria-labelledby={`${baseId}-tab-${t}`}
          hidden={t !== tab}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the WAI-ARIA tabs pattern makes a tabpanel focusable, so a keyboard can reach and scroll a table with no control in it
          tabIndex={0}
          className="insp-panel"
        >
          {t === tab ? <Panel tab={t} frame={frame} now={now} lang={lang} /> : null}
        </div>
      ))}
    </section>
  );
}

function Panel({ tab, frame, now, lang }: { tab: InspectorTab; frame: Frame; now: number; lang: Lang }) {
  switch (tab) {
    case 'events':
      return <EventsTable frame={frame} now={now} lang={lang} />;
    case 'pods':
      return <PodsTable frame={frame} now={now} lang={lang} />;
    case 'nodes':
      return <NodesTable frame={frame} now={now} lang={lang} />;
    case 'etcd':
      return <EtcdKeysTable frame={frame} lang={lang} />;
  }
}
