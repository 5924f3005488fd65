// The frame every inspector table shares: a real <table> with its caption, column
// headers as kubectl prints them, a line when there is nothing to list (kubectl's own
// words), and a note under the rows when some are left out to keep the page fast.
import type { ReactNode } from 'react';

interface Props {
  readonly caption: ReactNode;
  readonly headers: readonly string[];
  readonly rowCount: number;
  readonly empty: string;
  readonly note?: string;
  readonly className?: string;
  /** The rows, as <tr> elements. */
  readonly children: ReactNode;
}

export function InspectorTable({ caption, headers, rowCount, empty, note, className, children }: Props) {
  return (
    <table className={className ? `insp-table ${className}` : 'insp-table'}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rowCount === 0 ? (
          <tr className="insp-empty">
            <td colSpan={headers.length}>{empty}</td>
          </tr>
        ) : (
          children
        )}
      </tbody>
      {note ? (
        <tfoot>
          <tr className="insp-note">
            <td colSpan={headers.length}>{note}</td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

/** A labelled checkbox for kubectl's -A, shared by the namespaced tables. */
export function AllNamespacesToggle({
  checked,
  onChange,
  label,
}: {
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly label: string;
}) {
  return (
    <label className="insp-toggle">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} /> {label}
    </label>
  );
}

/** Ages change once a second, so rows are recomputed on the second, not on every frame. */
export function wholeSeconds(now: number): number {
  return Math.floor(now / 1000) * 1000;
}
