// Where things sit on the stage, in SVG units. Two arrangements of the same cluster:
// wide (master above, workers side by side) and narrow (everything stacked, for a
// 360 px embed). The SVG scales to its box, so the text scales with the screen.
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
  /** Component id → its box; the master's own kubelet and runtime share 'agent@m-k8s'. */
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

const wideMaster = (width: number): Record<string, Box> => ({
  'kubectl@m-k8s': { x: 30, y: 55, w: 160, h: 72 },
  apiserver: { x: 330, y: 50, w: 230, h: 82 },
  etcd: { x: width - 250, y: 40, w: 230, h: 210 },
  'controller-manager': { x: 230, y: 165, w: 190, h: 72 },
  scheduler: { x: 470, y: 165, w: 190, h: 72 },
  'agent@m-k8s': { x: 30, y: 170, w: 160, h: 62 },
  cni: { x: 10, y: 272, w: width - 220, h: 48 },
  coredns: { x: width - 200, y: 272, w: 190, h: 48 },
});

export function wideLayout(workers: readonly string[]): Layout {
  if (workers.length > 4) return gridLayout(workers, wideMaster);
  const n = Math.max(1, workers.length);
  const width = Math.max(1000, n * 330 + 10);
  const W = (width - 10) / n - 10;
  const c = wideMaster(width);
  const nodes = [{ host: 'm-k8s', box: { x: 10, y: 10, w: width - 20, h: 252 } }];
  workers.forEach((host, i) => {
    const X = 10 + i * (W + 10);
    const Y = 332;
    nodes.push({ host, box: { x: X, y: Y, w: W, h: 300 } });
    // "container runtime" is the longer name: give it the wider box.
    const kw = (W - 40) * 0.42;
    c[`kubelet@${host}`] = { x: X + 15, y: Y + 40, w: kw, h: 64 };
    c[`runtime@${host}`] = { x: X + 25 + kw, y: Y + 40, w: W - 40 - kw, h: 64 };
    c[`pods@${host}`] = { x: X + 15, y: Y + 116, w: W - 30, h: 116 };
    c[`kube-proxy@${host}`] = { x: X + 15, y: Y + 242, w: W - 30, h: 46 };
  });
  return { width, height: 642, nodes, components: c };
}

export function narrowLayout(workers: readonly string[]): Layout {
  const width = 480;
  const half = 205;
  const c: Record<string, Box> = {
    'kubectl@m-k8s': { x: 25, y: 48, w: half, h: 62 },
    apiserver: { x: 250, y: 48, w: half, h: 62 },
    'controller-manager': { x: 25, y: 122, w: half, h: 62 },
    scheduler: { x: 250, y: 122, w: half, h: 62 },
    'agent@m-k8s': { x: 25, y: 196, w: half, h: 56 },
    etcd: { x: 250, y: 196, w: half, h: 200 },
    cni: { x: 10, y: 420, w: 290, h: 48 },
    coredns: { x: 310, y: 420, w: 160, h: 48 },
  };
  const nodes = [{ host: 'm-k8s', box: { x: 10, y: 10, w: 460, h: 398 } }];
  workers.forEach((host, i) => {
    const Y = 480 + i * 262;
    nodes.push({ host, box: { x: 10, y: Y, w: 460, h: 252 } });
    c[`kubelet@${host}`] = { x: 25, y: Y + 38, w: half, h: 58 };
    c[`runtime@${host}`] = { x: 250, y: Y + 38, w: half, h: 58 };
    c[`pods@${host}`] = { x: 25, y: Y + 104, w: 430, h: 90 };
    c[`kube-proxy@${host}`] = { x: 25, y: Y + 202, w: 430, h: 40 };
  });
  return { width, height: 480 + workers.length * 262, nodes, components: c };
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
