// Where things sit on the stage, in SVG units. Two arrangements of the same cluster:
// wide (master above, workers side by side) and narrow (the master's parts in two
// columns, up to three workers as columns under it, for a phone or a 360 px embed); more
// than four workers sit in a grid (gridLayout). The SVG scales to its box, so the text
// scales with the screen.
import { gridLayout } from './gridLayout';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly { readonly host: string; readonly box: Box }[];
  /** Component id → its box; the master's own kubelet and runtime share 'agent@m-k8s' (or 'agent@cp-k8s'). */
  readonly components: Readonly<Record<string, Box>>;
  /** Taller than a screen: the stage scrolls instead of shrinking the picture to fit (gridLayout). */
  readonly tall?: boolean;
}

export const center = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/** The box a trace endpoint is drawn at: 'host@m-k8s' (curl) at kubectl, the master's own kubelet at its agent. */
export function boxOf(layout: Layout, id: string): Box | undefined {
  const direct = layout.components[id];
  if (direct) return direct;
  const [role, host] = id.split('@');
  if (host === undefined) return undefined;
  if (role === 'host')
    return layout.components[`kubectl@${host}`] ?? layout.nodes.find((n) => n.host === host)?.box;
  if (role === 'kubelet' || role === 'runtime') return layout.components[`agent@${host}`];
  return layout.nodes.find((n) => n.host === host)?.box;
}

const wideMaster = (width: number, master: string): Record<string, Box> => ({
  [`kubectl@${master}`]: { x: 30, y: 55, w: 160, h: 72 },
  apiserver: { x: 330, y: 50, w: 230, h: 82 },
  etcd: { x: width - 250, y: 40, w: 230, h: 210 },
  'controller-manager': { x: 230, y: 165, w: 190, h: 72 },
  scheduler: { x: 470, y: 165, w: 190, h: 72 },
  [`agent@${master}`]: { x: 30, y: 170, w: 160, h: 62 },
  cni: { x: 10, y: 272, w: width - 220, h: 48 },
  coredns: { x: width - 200, y: 272, w: 190, h: 48 },
});

/** `master`: the control-plane machine's name, m-k8s (the book's) or cp-k8s (its second edition). */
export function wideLayout(workers: readonly string[], master = 'm-k8s'): Layout {
  if (workers.length > 4) return gridLayout(workers, (w) => wideMaster(w, master), master);
  const n = Math.max(1, workers.length);
  const width = Math.max(1000, n * 330 + 10);
  const W = (width - 10) / n - 10;
  const c = wideMaster(width, master);
  const nodes = [{ host: master, box: { x: 10, y: 10, w: width - 20, h: 252 } }];
  workers.forEach((host, i) => {
    const X = 10 + i * (W + 10);
    const Y = 332;
    nodes.push({ host, box: { x: X, y: Y, w: W, h: 300 } });
    // "container runtime" is the longer name: give it the wider box.
    const kw = (W - 40) * 0.42;
    c[`kubelet@${host}`] = { x: X + 15, y: Y + 40, w: kw, h: 64 };
    c[`runtime@${host}`] = { x: X + 25 + kw, y: Y + 40, w: W - 40 - kw, h: 64 };
    c[`pods@${host}`] = { x: X + 15, y: Y + 116, w: W - 30, h: 116 };
    c[`kube-proxy@${host}`] = { x: X + 15, y: Y + 240, w: W - 30, h: 52 };
  });
  return { width, height: 642, nodes, components: c };
}

export function narrowLayout(workers: readonly string[], master = 'm-k8s'): Layout {
  const width = 480;
  const half = 205;
  const c: Record<string, Box> = {
    [`kubectl@${master}`]: { x: 25, y: 48, w: half, h: 62 },
    apiserver: { x: 250, y: 48, w: half, h: 62 },
    'controller-manager': { x: 25, y: 122, w: half, h: 62 },
    scheduler: { x: 250, y: 122, w: half, h: 62 },
    [`agent@${master}`]: { x: 25, y: 196, w: half, h: 56 },
    etcd: { x: 250, y: 196, w: half, h: 200 },
    cni: { x: 10, y: 420, w: 290, h: 48 },
    coredns: { x: 310, y: 420, w: 160, h: 48 },
  };
  const nodes = [{ host: master, box: { x: 10, y: 10, w: 460, h: 398 } }];
  // Up to three workers stand side by side, each a column, so a phone sees the whole
  // cluster and the narration under it; more are stacked, each a row.
  if (workers.length <= 3) {
    const n = Math.max(1, workers.length);
    const W = (460 - (n - 1) * 8) / n;
    workers.forEach((host, i) => {
      const X = 10 + i * (W + 8);
      const Y = 480;
      const w = W - 12;
      // The gaps between kubelet, runtime and pods hold the numbers of steps 6 and 7.
      nodes.push({ host, box: { x: X, y: Y, w: W, h: 360 } });
      c[`kubelet@${host}`] = { x: X + 6, y: Y + 34, w, h: 54 };
      c[`runtime@${host}`] = { x: X + 6, y: Y + 124, w, h: 54 };
      c[`pods@${host}`] = { x: X + 6, y: Y + 214, w, h: 84 };
      c[`kube-proxy@${host}`] = { x: X + 6, y: Y + 304, w, h: 50 };
    });
    return { width, height: 850, nodes, components: c };
  }
  workers.forEach((host, i) => {
    const Y = 480 + i * 270;
    nodes.push({ host, box: { x: 10, y: Y, w: 460, h: 260 } });
    c[`kubelet@${host}`] = { x: 25, y: Y + 38, w: half, h: 58 };
    c[`runtime@${host}`] = { x: 250, y: Y + 38, w: half, h: 58 };
    c[`pods@${host}`] = { x: 25, y: Y + 104, w: 430, h: 90 };
    c[`kube-proxy@${host}`] = { x: 25, y: Y + 202, w: 430, h: 50 };
  });
  return { width, height: 480 + workers.length * 270, nodes, components: c };
}

/** A curved path from box a to box b; the bend is to the left of the direction, so a reply does not overlap its request. */
export function flightPath(a: Box, b: Box): { d: string; at: (t: number) => { x: number; y: number } } {
  const p0 = center(a);
  const p2 = center(b);
  const dx = p2.x - p0.x;
  const dy = p2.y - p0.y;
  const len = Math.hypot(dx, dy) || 1;
  const bend = Math.min(40, len * 0.15);
  const p1 = { x: (p0.x + p2.x) / 2 + (dy / len) * bend, y: (p0.y + p2.y) / 2 - (dx / len) * bend };
  return {
    d: `M${p0.x},${p0.y} Q${p1.x},${p1.y} ${p2.x},${p2.y}`,
    at: (t) => {
      const u = 1 - t;
      return {
        x: u * u * p0.x + 2 * u * t * p1.x + t * t * p2.x,
        y: u * u * p0.y + 2 * u * t * p1.y + t * t * p2.y,
      };
    },
  };
}

/** The tallest a stretched stage may become, as a share of its own height. */
const MAX_STRETCH = 0.6;

/**
 * The wide layout made taller to fill a box of the given width/height ratio (a projector's
 * 16:9 cell beside the narration is taller than the diagram's own shape): the workers grow
 * downwards and their pods boxes take the room, so a full screen has no empty band under
 * the picture. A box as wide as the diagram or wider changes nothing.
 */
export function fitToAspect(layout: Layout, aspect: number): Layout {
  if (!(aspect > 0) || layout.tall) return layout;
  const extra = Math.min(layout.height * MAX_STRETCH, Math.round(layout.width / aspect - layout.height));
  if (extra <= 0) return layout;
  // The first node is the master, whatever its name.
  const workers = new Set(layout.nodes.slice(1).map((n) => n.host));
  const grow = (b: Box): Box => ({ ...b, h: b.h + extra });
  const down = (b: Box): Box => ({ ...b, y: b.y + extra });
  const components: Record<string, Box> = {};
  for (const [id, b] of Object.entries(layout.components)) {
    const [role, host] = id.split('@');
    if (host === undefined || !workers.has(host)) components[id] = b;
    else if (role === 'pods') components[id] = grow(b);
    else if (role === 'kube-proxy') components[id] = down(b);
    else components[id] = b;
  }
  return {
    width: layout.width,
    height: layout.height + extra,
    nodes: layout.nodes.map((n) => (workers.has(n.host) ? { host: n.host, box: grow(n.box) } : n)),
    components,
  };
}
