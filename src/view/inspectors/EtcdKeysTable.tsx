// What etcd holds: every key under /registry with the revision that created it and the
// one that last changed it. The API server writes every change here (the book's step 2),
// so the keys touched last are marked: they are where the action just was.
import { useId, useMemo, useState } from 'react';
import type { Lang } from '../../lessons';
import type { Frame } from '../../player';
import { InspectorTable } from './InspectorTable';
import { recentKeys } from './rows';
import { inspectorText } from './text';

export interface EtcdKeysTableProps {
  readonly frame: Pick<Frame, 'etcdKeys' | 'etcdRevision'>;
  readonly lang: Lang;
  /** How many of the latest-changed keys to mark; default 5. */
  readonly recent?: number;
  /** Rows drawn at most; default 300 (the filter narrows the rest). */
  readonly cap?: number;
  readonly defaultFilter?: string;
}

export function EtcdKeysTable({
  frame,
  lang,
  recent = 5,
  cap = 300,
  defaultFilter = '',
}: EtcdKeysTableProps) {
  const text = inspectorText[lang];
  const [filter, setFilter] = useState(defaultFilter);
  const filterId = useId();
  const table = useMemo(() => {
    const hot = recentKeys(frame.etcdKeys, recent);
    const needle = filter.trim().toLowerCase();
    const matching = needle
      ? frame.etcdKeys.filter((k) => k.key.toLowerCase().includes(needle))
      : frame.etcdKeys;
    const shown = matching.slice(0, cap);
    const h = text.etcdHeaders;
    return (
      <>
        <p className="insp-count" aria-live="polite">
          {text.keysShown(matching.length, frame.etcdKeys.length)}
        </p>
        <InspectorTable
          caption={text.etcdCaption(frame.etcdRevision)}
          headers={[h.key, h.create, h.mod]}
          rowCount={shown.length}
          empty={text.noKeys}
          {...(matching.length > shown.length
            ? { note: text.moreHidden(matching.length - shown.length) }
            : {})}
          className="insp-etcd"
        >
          {shown.map((k) => {
            const isHot = hot.has(k.key);
            return (
              <tr key={k.key} className={isHot ? 'insp-hot' : undefined}>
                <td className="insp-key">
                  {k.key}
                  {/* Colour is not the only cue: the mark is read out and drawn. */}
                  {isHot ? <span className="insp-hot-mark"> ● {text.recentlyChanged}</span> : null}
                </td>
                <td>{k.createRevision}</td>
                <td>{k.modRevision}</td>
              </tr>
            );
          })}
        </InspectorTable>
      </>
    );
  }, [frame.etcdKeys, frame.etcdRevision, filter, recent, cap, text]);
  return (
    <div className="insp-view">
      <div className="insp-toolbar">
        <label htmlFor={filterId}>{text.filterKeys}</label>
        <input
          id={filterId}
          type="search"
          className="insp-filter"
          value={filter}
          placeholder="/registry/pods/"
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setFilter(e.currentTarget.value)}
        />
      </div>
      {table}
    </div>
  );
}
