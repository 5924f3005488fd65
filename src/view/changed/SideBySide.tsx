// Two terminals' outputs of the same command, one column per lab (stacked on a phone),
// the lines both print on one row and the words that differ marked.
import type { Lang } from '../../lessons';
import type { ProfileId } from '../../sim/profiles';
import { profiles } from '../../sim/profiles';
import { changedText } from './changedText';
import type { Part, Row } from './pairing';
import { changedWords, PAIR, pairLines } from './pairing';
import type { Line } from './runs';

interface Props {
  readonly lang: Lang;
  /** What ran, for the group's name: `kubectl get nodes`. */
  readonly what: string;
  readonly left: readonly Line[] | undefined;
  readonly right: readonly Line[] | undefined;
  /** The page's own profile, named in its column. */
  readonly own?: ProfileId | undefined;
}

function Parts({ parts, mark }: { parts: readonly Part[]; mark: string }) {
  let offset = 0;
  return parts.map((p) => {
    const at = offset;
    offset += p.text.length;
    return p.changed ? (
      <mark key={at} title={mark}>
        {p.text}
      </mark>
    ) : (
      p.text
    );
  });
}

interface NumberedRow extends Row {
  readonly n: number;
}

function Column({
  rows,
  side,
  lang,
  own,
  ready,
}: {
  rows: readonly NumberedRow[];
  side: 'left' | 'right';
  lang: Lang;
  own: boolean;
  ready: boolean;
}) {
  const t = changedText[lang];
  const p = profiles[PAIR[side === 'left' ? 0 : 1]];
  const caption = `${t.side(p.id, p.title, p.master.name)}${own ? ` · ${t.pageLab}` : ''}`;
  return (
    <figure className="sbs-col" aria-busy={!ready}>
      <figcaption>{caption}</figcaption>
      {ready ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a long output scrolls in its box, and a scrolling box must take the focus to be scrolled from the keyboard
        <pre tabIndex={0}>
          {rows.map((r) => {
            const text = side === 'left' ? r.left : r.right;
            const other = side === 'left' ? r.right : r.left;
            if (text === undefined)
              return (
                <span key={r.n} className="sbs-line sbs-fill" aria-hidden="true">
                  {'\n'}
                </span>
              );
            if (r.same)
              return (
                <span key={r.n} className="sbs-line">
                  {text}
                  {'\n'}
                </span>
              );
            const parts =
              other === undefined
                ? [{ text, changed: true }]
                : changedWords(r.left ?? '', r.right ?? '')[side];
            return (
              <span key={r.n} className="sbs-line sbs-changed">
                <Parts parts={parts} mark={t.changedMark} />
                {'\n'}
              </span>
            );
          })}
        </pre>
      ) : (
        <p className="sbs-running" role="status">
          {t.running(p.id)}
        </p>
      )}
    </figure>
  );
}

export function SideBySide({ lang, what, left, right, own }: Props) {
  const t = changedText[lang];
  const a = left?.map((l) => l.text);
  const b = right?.map((l) => l.text);
  const ready = a !== undefined && b !== undefined;
  // Until both have run, the one that has is shown as it is.
  const paired: Row[] = ready
    ? pairLines(a, b)
    : (a ?? b ?? []).map((l) => ({ left: l, right: l, same: true }));
  const rows = paired.map((r, n) => ({ ...r, n }));
  const changed = rows.filter((r) => !r.same).length;
  return (
    // biome-ignore lint/a11y/useSemanticElements: two outputs of one command, not a form's fieldset
    <div className="sbs" role="group" aria-label={t.outputs(what)}>
      <div className="sbs-cols">
        <Column rows={rows} side="left" lang={lang} own={own === PAIR[0]} ready={a !== undefined} />
        <Column rows={rows} side="right" lang={lang} own={own === PAIR[1]} ready={b !== undefined} />
      </div>
      {ready && <p className="sbs-summary">{changed === 0 ? t.sameOutput : t.differ(changed)}</p>}
    </div>
  );
}
