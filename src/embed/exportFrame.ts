// "Export": the diagram as it stands now, as a standalone SVG (styles copied inline,
// since the page's stylesheet does not travel with the file) or a PNG drawn from it.

const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
  'marker-end',
] as const;

export function standaloneSvg(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const target = to[i];
    if (!target) return;
    const cs = getComputedStyle(el);
    const style = PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    target.setAttribute('style', style);
    target.removeAttribute('class');
  });
  const box = svg.viewBox.baseVal;
  const width = Math.round(box?.width || svg.clientWidth);
  const height = Math.round(box?.height || svg.clientHeight);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // The page's background, so the picture reads the same on a dark slide.
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', getComputedStyle(svg).backgroundColor || '#fff');
  clone.insertBefore(bg, clone.firstChild);
  return { text: new XMLSerializer().serializeToString(clone), width, height };
}

function download(href: string, name: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
}

/** A data: URL, which the site's Content-Security-Policy allows for images (blob: it does not). */
const dataUrl = (svgText: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;

export function exportSvg(svg: SVGSVGElement, name: string): void {
  download(dataUrl(standaloneSvg(svg).text), `${name}.svg`);
}

/** Drawn at twice the diagram's size, sharp enough for a projected slide. */
export async function exportPng(svg: SVGSVGElement, name: string, scale = 2): Promise<void> {
  const { text, width, height } = standaloneSvg(svg);
  const img = new Image();
  img.src = dataUrl(text);
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2D canvas');
  g.drawImage(img, 0, 0, canvas.width, canvas.height);
  download(canvas.toDataURL('image/png'), `${name}.png`);
}
