// `kubectl get pods -o wide` as a live table: where each pod runs and how it is doing.
import { useMemo, useState } from 'react';
import type { Lang } from '../../lessons';
import type { Frame } from '../../player';
import { podTone } from '../podStatus';
import { AllNamespacesToggle, InspectorTable, wholeSeconds } from './InspectorTable';
import { noResources, podRows } from './rows';
import { inspectorText } from './text';

export interface PodsTableProps {
  readonly frame: Pick<Frame, 'objects'>;
  /** The player's now, for AGE. */
  readonly now: number;
  readonly lang: Lang;
  /** Start with every namespace (kubectl get pods -A); default false, as kubectl. */
  readonly defaultAllNamespaces?: boolean;
  /** Rows drawn at most (a 500-pod Deployment stays fast); default 200. */
  readonly cap?: number;
}

export function PodsTable({ frame, now, lang, defaultAllNamespaces = false, cap = 200 }: PodsTableProps) {
  const text = inspectorText[lang];
  const [all, setAll] = useState(defaultAllNamespaces);
  const second = wholeSeconds(now);
  const table = useMemo(() => {
    const rows = podRows(frame.objects, second, { allNamespaces: all });
    const shown = rows.slice(0, cap);
    const headers = [
      ...(all ? ['NAMESPACE'] : []),
      'NAME',
      'READY',
      'STATUS',
      'RESTARTS',
      'AGE',
      'IP',
      'NODE',
    ];
    return (
      <InspectorTable
        caption={text.podsCaption + (all ? ' -A' : '')}
        headers={headers}
        rowCount={shown.length}
        empty={noResources(all)}
        {...(rows.length > shown.length ? { note: text.moreHidden(rows.length - shown.length) } : {})}
        className="insp-pods"
      >
        {shown.map((r) => (
          <tr key={r.key}>
            {all ? <td>{r.namespace}</td> : null}
            <td>{r.name}</td>
            <td>{r.ready}</td>
            <td className={`insp-tone-${podTone(r.status)}`}>{r.status}</td>
            <td>{r.restarts}</td>
            <td>{r.age}</td>
            <td>{r.ip}</td>
            <td>{r.node}</td>
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
