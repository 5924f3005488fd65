// The static frame an embed shows before it is played: the lab's four machines drawn
// in plain SVG, with no React and no simulation, so a page with five embeds stays
// light until the reader scrolls to one or clicks it.

const SVG_NS = 'http://www.w3.org/2000/svg';

const text = {
  en: { play: 'Load and play the lesson', hint: 'Animated Kubernetes lab: click to start' },
  ko: { play: '수업을 불러와 재생', hint: '쿠버네티스 실습 애니메이션: 눌러서 시작' },
} as const;

function box(svg: SVGSVGElement, x: number, y: number, w: number, h: number, label: string): void {
  const r = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ x, y, width: w, height: h, rx: 8 })) r.setAttribute(k, String(v));
  r.setAttribute('class', 'ps-poster-node');
  const t = document.createElementNS(SVG_NS, 'text');
  t.setAttribute('x', String(x + 12));
  t.setAttribute('y', String(y + 24));
  t.textContent = label;
  svg.append(r, t);
}

export function poster(lang: string, title: string): HTMLButtonElement {
  const t = lang === 'ko' ? text.ko : text.en;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'ps-poster';
  button.setAttribute('aria-label', t.play);
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 640 300');
  svg.setAttribute('aria-hidden', 'true');
  box(svg, 200, 20, 240, 90, 'm-k8s');
  for (const [i, w] of ['w1-k8s', 'w2-k8s', 'w3-k8s'].entries()) box(svg, 20 + i * 210, 170, 190, 90, w);
  const play = document.createElementNS(SVG_NS, 'path');
  play.setAttribute('d', 'M300 120 L300 160 L340 140 Z');
  play.setAttribute('class', 'ps-poster-play');
  svg.append(play);
  const caption = document.createElement('span');
  caption.className = 'ps-poster-caption';
  caption.textContent = title ? `${title} · ${t.hint}` : t.hint;
  button.append(svg, caption);
  return button;
}

export const posterCss = `
.ps-poster {
  all: unset; box-sizing: border-box; display: block; width: 100%; cursor: pointer;
  background: #f7f8fa; color: #1b1f24; border: 1px solid #d0d7de; border-radius: 8px;
  padding: 12px; font: 15px/1.4 system-ui, sans-serif;
}
.ps-poster:focus-visible { outline: 3px solid #d9480f; outline-offset: 2px; }
.ps-poster svg { display: block; width: 100%; height: auto; max-height: 60vh; }
.ps-poster-node { fill: #eef2f7; stroke: #57606a; stroke-width: 1.5; }
.ps-poster text { font: 18px system-ui, sans-serif; fill: #1b1f24; }
.ps-poster-play { fill: #0b63ce; }
.ps-poster-caption { display: block; text-align: center; color: #57606a; margin-top: 4px; }
`;
