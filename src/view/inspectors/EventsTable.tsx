// `kubectl get events` as a live table: what the components reported, newest last.
import { useMemo, useState } from 'react';
import type { Lang } from '../../lessons';
import type { Frame } from '../../player';
import { AllNamespacesToggle, InspectorTable, wholeSeconds } from './InspectorTable';
import { eventRows, noResources } from './rows';
import { inspectorText } from './text';

export interface EventsTableProps {
  readonly frame: Pick<Frame, 'objects'>;
  /** The player's now, for LAST SEEN. */
  readonly now: number;
  readonly lang: Lang;
  /** How many of the newest events to show; default 50. */
  readonly cap?: number;
  /** Start with every namespace (kubectl get events -A); default false, as kubectl. */
  readonly defaultAllNamespaces?: boolean;
}

export function EventsTable({ frame, now, lang, cap = 50, defaultAllNamespaces = false }: EventsTableProps) {
  const text = inspectorText[lang];
  const [all, setAll] = useState(defaultAllNamespaces);
  const second = wholeSeconds(now);
  const table = useMemo(() => {
    const { rows, hidden } = eventRows(frame.objects, second, { allNamespaces: all, cap });
    const headers = [...(all ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
    return (
      <InspectorTable
        caption={text.eventsCaption + (all ? ' -A' : '')}
        headers={headers}
        rowCount={rows.length}
        empty={noResources(all)}
        {...(hidden > 0 ? { note: text.olderHidden(hidden) } : {})}
        className="insp-events"
      >
        {rows.map((r) => (
          <tr key={r.key} className={r.type === 'Warning' ? 'insp-warning' : undefined}>
            {all ? <td>{r.namespace}</td> : null}
            <td>{r.lastSeen}</td>
            <td>{r.type}</td>
            <td>{r.reason}</td>
            <td>{r.object}</td>
            <td className="insp-wrap">{r.message}</td>
          </tr>
        ))}
      </InspectorTable>
    );
  }, [frame.objects, second, all, cap, text]);
  return (
    <div className="insp-view">
      <div className="insp-toolbar">
        <AllNamespacesToggle checked={all} onChange={setAll} label={text.allNamespaces} />
      </div>
      {table}
    </div>
  );
}
