/** A small "PNG" link that downloads a canvas as an image (canvas.toDataURL on click, a plain anchor with download). */
import type { MouseEvent } from 'react';
import { saveFile } from '../panels/DownloadLink';

/** `canvas` is read at click time; `name` is the file name without extension. */
export function PngButton({ canvas, name, testId }: { canvas: () => HTMLCanvasElement | null; name: string; testId?: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    const c = canvas();
    if (!c) {
      e.preventDefault();
      return;
    }
    // Set just before the browser follows the link: the image is the canvas as drawn now.
    e.currentTarget.href = c.toDataURL('image/png');
  };
  return (
    <a className="png-button" href="#" download={`${safeName(name)}.png`} onClick={onClick} data-testid={testId} title="Download this chart as a PNG image">
      PNG
    </a>
  );
}

/** A file name from free text: letters, digits, dot, dash and underscore only, at most 80 characters. */
export function safeName(s: string): string {
  return s.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'chart';
}

/** Draw an SVG element onto a white canvas at `scale`× (serialised with its attributes; fonts fall back to sans-serif). */
export async function svgToCanvas(svg: SVGSVGElement, scale = 2): Promise<HTMLCanvasElement> {
  const w = svg.width.baseVal.value;
  const h = svg.height.baseVal.value;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('font-family', getComputedStyle(svg).fontFamily || 'sans-serif');
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('could not render the chart'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** "PNG" for an SVG chart: rendered to a canvas on click, then downloaded. */
export function SvgPngButton({ svg, name, testId }: { svg: () => SVGSVGElement | null; name: string; testId?: string }) {
  const onClick = async (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    const el = svg();
    if (!el) return;
    const canvas = await svgToCanvas(el);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (png) saveFile(`${safeName(name)}.png`, png, 'image/png');
  };
  return (
    <a className="png-button" href="#" onClick={(e) => void onClick(e)} data-testid={testId} title="Download this chart as a PNG image">
      PNG
    </a>
  );
}

/** Draw an HTML table (a heat-map: cell backgrounds and texts, as laid out now) onto a white canvas at `scale`×. */
export function tableToCanvas(table: HTMLTableElement, scale = 2): HTMLCanvasElement {
  const box = table.getBoundingClientRect();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(box.width * scale);
  canvas.height = Math.ceil(box.height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, box.width, box.height);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const cell of Array.from(table.querySelectorAll<HTMLTableCellElement>('th, td'))) {
    const r = cell.getBoundingClientRect();
    const style = getComputedStyle(cell);
    const x = r.left - box.left;
    const y = r.top - box.top;
    ctx.fillStyle = style.backgroundColor;
    ctx.fillRect(x, y, r.width, r.height);
    ctx.fillStyle = style.color;
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    ctx.fillText(cell.textContent ?? '', x + r.width / 2, y + r.height / 2, r.width - 2);
  }
  return canvas;
}

/** "PNG" for a heat-map table. */
export function TablePngButton({ table, name, testId }: { table: () => HTMLTableElement | null; name: string; testId?: string }) {
  return <PngButton canvas={() => { const t = table(); return t ? tableToCanvas(t) : null; }} name={name} testId={testId} />;
}
