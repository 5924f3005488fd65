// One component of the book's picture: its number, name and state, named for screen
// readers as DESIGN contract 4 says.
import type { ReactNode } from 'react';
import type { Box } from './layout';
import { clipText, fitFontSize, textWidth } from './textFit';

interface Props {
  readonly box: Box;
  readonly label: string;
  readonly title: string;
  readonly number?: number | undefined;
  readonly state: string;
  readonly stateText: string;
  readonly why?: string | undefined;
  readonly active: boolean;
  readonly children?: ReactNode;
  /** The theme's font size in SVG units, to shrink a long name into its box. */
  readonly fontBase: number;
  /** Click or Enter/Space: open the component's menu (what can happen to it). */
  readonly onActivate?: ((target: Element) => void) | undefined;
  /** Pointed at by "Why is it stuck?". */
  readonly pointed?: boolean | undefined;
  /** Messages that reached it while it was not running (nobody read them). */
  readonly waiting?: number | undefined;
  readonly waitingText?: string | undefined;
}

export function ComponentBox({
  box,
  label,
  title,
  number,
  state,
  stateText,
  why,
  active,
  children,
  fontBase,
  onActivate,
  pointed,
  waiting,
  waitingText,
}: Props) {
  const { x, y, w, h } = box;
  const textX = number === undefined ? x + 10 : x + 38;
  // The unread-messages badge sits at the top right: the name keeps clear of it.
  const pile = waiting ? `✉ ${waiting}` : '';
  const pileW = pile ? textWidth(pile, fontBase * 0.75) + 8 : 0;
  const fit = fitFontSize(title, x + w - textX - 8 - pileW, fontBase, 600);
  // The state and why it is so, cut to the box (the whole sentence is its tooltip and in the accessible name).
  const stateLine = `● ${stateText}${why ? ` — ${why}` : ''}`;
  const shown = clipText(stateLine, x + w - textX - 8, fontBase * 0.75);
  return (
    // biome-ignore lint/a11y: an SVG <g> is the only grouping element SVG has; <fieldset> cannot live in it
    <g
      role="group"
      aria-label={label}
      className={`comp state-${state}${active ? ' active' : ''}${pointed ? ' pointed' : ''}`}
      tabIndex={onActivate ? 0 : undefined}
      onClick={onActivate ? (e) => onActivate(e.currentTarget) : undefined}
      onKeyDown={
        onActivate
          ? (e) => {
              if (e.key !== 'Enter' && e.key !== ' ') return;
              e.preventDefault();
              e.stopPropagation();
              onActivate(e.currentTarget);
            }
          : undefined
      }
    >
      <rect className="comp-box" x={x} y={y} width={w} height={h} rx={8} />
      {number !== undefined && (
        // biome-ignore lint/a11y: the number is in the group's name already; an SVG <g> cannot be focused
        <g className="comp-num" aria-hidden="true">
          <circle cx={x + 19} cy={y + 20} r={13} />
          <text x={x + 19} y={y + 20} dy="0.35em" textAnchor="middle">
            {number}
          </text>
        </g>
      )}
      <text className="comp-name" x={textX} y={y + 25} style={fit ? { fontSize: `${fit}px` } : undefined}>
        {title}
      </text>
      <text className="comp-state" x={textX} y={y + 44}>
        <tspan className="state-dot">●</tspan>
        {shown.slice(1)}
        {shown !== stateLine && <title>{stateLine.slice(2)}</title>}
      </text>
      {waiting ? (
        <text className="comp-pile" x={x + w - 8} y={y + 20} textAnchor="end">
          {pile}
          <title>{waitingText ?? `${waiting}`}</title>
        </text>
      ) : null}
      {children}
    </g>
  );
}
