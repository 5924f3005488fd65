// One component up close: who it is, whether it runs and why not, and the last messages
// it exchanged by now. In a real cluster almost every peer is the API server, which is
// the point the watch view makes; this list lets a student read it message by message.
import { useId, useMemo, useState } from 'react';
import type { Lang } from '../../lessons';
import type { Frame } from '../../player';
import type { Envelope } from '../../sim';
import { accessibleName, componentName, ui } from '../i18n';
import { messageText } from '../messageText';
import { whyText } from '../whyText';
import { componentMessages, findComponent, isNodeHeartbeat, simSeconds } from './rows';
import { inspectorText } from './text';

export interface ComponentDetailProps {
  readonly frame: Pick<Frame, 'components'>;
  /** The whole trace; only messages sent by `now` are listed. */
  readonly envelopes: readonly Envelope[];
  /** A ComponentView id: 'scheduler', 'kubelet@w2-k8s', ... */
  readonly componentId: string;
  readonly now: number;
  readonly lang: Lang;
  /** How many messages to list; default 10. */
  readonly count?: number;
  /** When given, a close button calls it. */
  readonly onClose?: () => void;
  /** Start with node heartbeats left out of the messages; default false (every message). */
  readonly defaultHideHeartbeats?: boolean;
}

export function ComponentDetail({
  frame,
  envelopes,
  componentId,
  now,
  lang,
  count = 10,
  onClose,
  defaultHideHeartbeats = false,
}: ComponentDetailProps) {
  const text = inspectorText[lang];
  const headingId = useId();
  const c = findComponent(frame.components, componentId);
  const [hideHeartbeats, setHideHeartbeats] = useState(defaultHideHeartbeats);
  const messages = useMemo(
    () => componentMessages(envelopes, componentId, now, count, hideHeartbeats ? isNodeHeartbeat : undefined),
    [envelopes, componentId, now, count, hideHeartbeats],
  );
  const peerName = (id: string) => {
    const p = findComponent(frame.components, id);
    return p ? accessibleName(p, lang) : id;
  };
  const h = text.messageHeaders;
  return (
    <section className="insp-component" aria-labelledby={headingId} lang={lang}>
      <div className="insp-component-head">
        <h3 id={headingId}>{c ? accessibleName(c, lang) : componentId}</h3>
        {onClose ? (
          <button type="button" onClick={onClose}>
            {text.close}
          </button>
        ) : null}
      </div>
      {c ? (
        <dl className="insp-facts">
          <dt>{text.component}</dt>
          <dd>
            {c.number === undefined ? '' : `${c.number} `}
            {componentName(c.name, lang)}
          </dd>
          {c.host ? (
            <>
              <dt>{text.host}</dt>
              <dd>{c.host}</dd>
            </>
          ) : null}
          <dt>{text.state}</dt>
          <dd className={`insp-state insp-state-${c.state}`}>{ui[lang].state[c.state]}</dd>
          {c.why ? (
            <>
              <dt>{text.why}</dt>
              <dd>{whyText(c.why, lang)}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p>{text.unknownComponent(componentId)}</p>
      )}
      <label className="insp-toggle">
        <input
          type="checkbox"
          checked={hideHeartbeats}
          onChange={(e) => setHideHeartbeats(e.currentTarget.checked)}
        />{' '}
        {text.hideHeartbeats}
      </label>
      <table className="insp-table insp-messages">
        <caption>{text.messages(count)}</caption>
        <thead>
          <tr>
            <th scope="col">{h.time}</th>
            <th scope="col">{h.direction}</th>
            <th scope="col">{h.peer}</th>
            <th scope="col">{h.kind}</th>
            <th scope="col">{h.summary}</th>
          </tr>
        </thead>
        <tbody>
          {messages.length === 0 ? (
            <tr className="insp-empty">
              <td colSpan={5}>{text.noMessages}</td>
            </tr>
          ) : (
            messages.map((m) => (
              <tr key={m.id} className={m.inFlight ? 'insp-inflight' : undefined}>
                <td>{simSeconds(m.at)}</td>
                <td>
                  {m.direction === 'sent' ? text.sent : text.received}
                  {m.inFlight ? ` (${text.inFlight})` : ''}
                </td>
                <td>{peerName(m.peer)}</td>
                <td className="insp-kind">{m.kind}</td>
                <td className="insp-wrap">{messageText(m.summary, lang)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
