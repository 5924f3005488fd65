// The terminal panel: one tab per machine, as the book keeps one terminal window per
// host, and the lesson step's sample commands under it. Each tab is its own shell
// session that ssh can carry to another host; all of them type into one lab.
import './terminal.css';
import type { CSSProperties, KeyboardEvent } from 'react';
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Lang } from '../../lessons';
import type { HostName } from '../../sim/inputs';
import type { TerminalRequest } from './request';
import { SampleStrip } from './SampleStrip';
import { TerminalPane } from './TerminalPane';
import type { TerminalSession } from './terminalModel';
import { TerminalModel } from './terminalModel';
import type { TerminalText } from './text';
import { terminalText } from './text';

export const BOOK_HOSTS: readonly HostName[] = ['m-k8s', 'w1-k8s', 'w2-k8s', 'w3-k8s'];

export interface TerminalProps {
  /**
   * The lab the tabs type into (the lesson player, through labSession). Each tab draws its
   * shell window at the moment on screen.
   */
  readonly session: TerminalSession;
  readonly lang: Lang;
  /** One tab per host; the book's four machines by default. */
  readonly hosts?: readonly HostName[];
  /** The tab shown first. */
  readonly initialHost?: HostName;
  /** The current lesson step's commands, run in the open tab when clicked. */
  readonly samples?: readonly string[];
  /** Each line run, with the host it ran on, so the page can put it on its timeline. */
  readonly onCommand?: (host: HostName, line: string) => void;
  /** Type size as a multiple of the base (1.25rem); 2 or more for a projector. */
  readonly fontScale?: number;
  readonly className?: string;
  /** A line to type from outside (a lesson's command clicked), or a Ctrl+C: each new `id` is done once, in the host's tab. */
  readonly request?: TerminalRequest | undefined;
  /** A line for every tab's scrollback: each new `id` prints it once. */
  readonly notice?: { readonly id: number; readonly text: string } | undefined;
}

export function Terminal({
  session,
  lang,
  hosts = BOOK_HOSTS,
  initialHost,
  samples = [],
  onCommand,
  fontScale,
  className,
  request,
  notice,
}: TerminalProps) {
  const text = terminalText[lang];
  const baseId = useId();
  const onCommandRef = useRef(onCommand);
  useEffect(() => {
    onCommandRef.current = onCommand;
  }, [onCommand]);
  const hostKey = hosts.join(' ');
  // biome-ignore lint/correctness/useExhaustiveDependencies: hostKey stands for the hosts' names, a new array with the same names is the same tabs
  const models = useMemo(
    () => hosts.map((h) => new TerminalModel(session, h, (host, line) => onCommandRef.current?.(host, line))),
    [session, hostKey],
  );
  const [active, setActive] = useState<HostName>(initialHost ?? hosts[0] ?? 'm-k8s');
  const current = models.find((m) => m.home === active) ?? models[0];
  const tabRefs = useRef(new Map<HostName, HTMLButtonElement>());
  const typed = useRef(0);
  useEffect(() => {
    if (!request || request.id <= typed.current) return;
    typed.current = request.id;
    const tab = models.find((m) => m.home === request.host) ?? models[0];
    if (!tab) return;
    setActive(tab.home);
    if (request.interrupt) tab.interrupt('');
    else tab.submit(request.line);
  }, [request, models]);
  const noted = useRef(0);
  useEffect(() => {
    if (!notice || notice.id <= noted.current) return;
    noted.current = notice.id;
    for (const m of models) m.note(notice.text);
  }, [notice, models]);

  // Arrow keys move between tabs (the WAI-ARIA tabs pattern); Tab goes on into the panel.
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = models.length - 1;
    const to =
      e.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : e.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : undefined;
    const host = to === undefined ? undefined : models[to]?.home;
    if (host === undefined) return;
    e.preventDefault();
    setActive(host);
    tabRefs.current.get(host)?.focus();
  };

  const style = fontScale === undefined ? undefined : ({ '--term-font-scale': fontScale } as CSSProperties);
  return (
    <section className={className ? `term ${className}` : 'term'} style={style} lang={lang}>
      <div role="tablist" aria-label={text.tabs} className="term-tabs">
        {models.map((m, i) => {
          const selected = m === current;
          return (
            <button
              key={m.home}
              ref={(el) => {
                if (el) tabRefs.current.set(m.home, el);
                else tabRefs.current.delete(m.home);
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${i}`}
              aria-selected={selected}
              aria-controls={`${baseId}-pane-${i}`}
              tabIndex={selected ? 0 : -1}
              className="term-tab"
              onClick={() => setActive(m.home)}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {m.home}
            </button>
          );
        })}
      </div>
      {models.map((m, i) => (
        <TerminalPane
          key={m.home}
          model={m}
          text={text}
          id={`${baseId}-pane-${i}`}
          tabId={`${baseId}-tab-${i}`}
          hidden={m !== current}
        />
      ))}
      {current && samples.length > 0 && (
        <OpenTabSamples model={current} samples={samples} text={text} busyId={`${baseId}-busy`} />
      )}
    </section>
  );
}

/** The sample commands for the open tab; only they follow its state (they wait while it runs a command). */
function OpenTabSamples({
  model,
  samples,
  text,
  busyId,
}: {
  readonly model: TerminalModel;
  readonly samples: readonly string[];
  readonly text: TerminalText;
  readonly busyId: string;
}) {
  useSyncExternalStore(model.subscribe, model.getVersion);
  return (
    <SampleStrip
      samples={samples}
      label={text.samples}
      onRun={(line) => model.submit(line)}
      busy={model.running ? text.busy : undefined}
      busyId={busyId}
    />
  );
}
