// `kubectl get nodes` as a live table: a node turns NotReady when its kubelet stops
// reporting, which is what a student checks first when pods stop being scheduled.
import { useMemo } from 'react';
import type { Lang } from '../../lessons';
import type { Frame } from '../../player';
import { InspectorTable, wholeSeconds } from './InspectorTable';
import { nodeRows, noResources } from './rows';
import { inspectorText } from './text';

export interface NodesTableProps {
  readonly frame: Pick<Frame, 'objects'>;
  /** The player's now, for AGE. */
  readonly now: number;
  readonly lang: Lang;
}

const headers = ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'];

export function NodesTable({ frame, now, lang }: NodesTableProps) {
  const text = inspectorText[lang];
  const second = wholeSeconds(now);
  return useMemo(() => {
    const rows = nodeRows(frame.objects, second);
    return (
      <div className="insp-view">
        <InspectorTable
          caption={text.nodesCaption}
          headers={headers}
          rowCount={rows.length}
          empty={noResources(true)}
          className="insp-nodes"
        >
          {rows.map((r) => (
            <tr key={r.name}>
              <td>{r.name}</td>
              <td className={r.status.startsWith('Ready') ? 'insp-tone-running' : 'insp-tone-failed'}>
                {r.status}
              </td>
              <td>{r.roles}</td>
              <td>{r.age}</td>
              <td>{r.version}</td>
            </tr>
          ))}
        </InspectorTable>
      </div>
    );
  }, [frame.objects, second, text]);
}
