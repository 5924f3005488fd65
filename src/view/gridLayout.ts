// The wide stage for more than four workers: the workers in rows of four under the
// master, so a box keeps the size it has with three or four workers instead of
// shrinking to a sliver of a 66,000-unit-wide picture. Past twelve workers each cell is
// compact (its four components, the pods as a count) and the stage scrolls (`tall`).
import type { Box, Layout } from './layout';

const COLUMNS = 4;
const CELL_GAP = 10;
/** The master's part of the wide stage ends here; the workers start below it. */
const WORKERS_TOP = 332;
const FULL_H = 300;
const COMPACT_H = 200;
/** Beyond this many workers the cells are compact and the stage scrolls. */
export const COMPACT_AFTER = 12;

export function gridLayout(
  workers: readonly string[],
  master: (width: number) => Record<string, Box>,
  masterName = 'm-k8s',
): Layout {
  const width = COLUMNS * 330 + CELL_GAP;
  const W = (width - CELL_GAP) / COLUMNS - CELL_GAP;
  const compact = workers.length > COMPACT_AFTER;
  const H = compact ? COMPACT_H : FULL_H;
  const c = master(width);
  const nodes = [{ host: masterName, box: { x: 10, y: 10, w: width - 20, h: 252 } }];
  workers.forEach((host, i) => {
    const X = CELL_GAP + (i % COLUMNS) * (W + CELL_GAP);
    const Y = WORKERS_TOP + Math.floor(i / COLUMNS) * (H + CELL_GAP);
    nodes.push({ host, box: { x: X, y: Y, w: W, h: H } });
    if (compact) {
      const kw = (W - 30) * 0.42;
      c[`kubelet@${host}`] = { x: X + 10, y: Y + 34, w: kw, h: 54 };
      c[`runtime@${host}`] = { x: X + 20 + kw, y: Y + 34, w: W - 30 - kw, h: 54 };
      c[`pods@${host}`] = { x: X + 10, y: Y + 94, w: W - 20, h: 48 };
      c[`kube-proxy@${host}`] = { x: X + 10, y: Y + 148, w: W - 20, h: 46 };
      return;
    }
    const kw = (W - 40) * 0.42;
    c[`kubelet@${host}`] = { x: X + 15, y: Y + 40, w: kw, h: 64 };
    c[`runtime@${host}`] = { x: X + 25 + kw, y: Y + 40, w: W - 40 - kw, h: 64 };
    c[`pods@${host}`] = { x: X + 15, y: Y + 116, w: W - 30, h: 116 };
    c[`kube-proxy@${host}`] = { x: X + 15, y: Y + 242, w: W - 30, h: 46 };
  });
  const rows = Math.ceil(workers.length / COLUMNS);
  return { width, height: WORKERS_TOP + rows * (H + CELL_GAP), nodes, components: c, tall: compact };
}
