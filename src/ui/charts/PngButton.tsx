/**
 * A small "PNG" link that downloads a chart as an image that stands on its own: drawn at least MIN_CHART_PX wide,
 * with its title, axis names and legend (see pngCompose.ts), on the theme's panel colour.
 */
import type { MouseEvent } from 'react';
import { saveFile } from '../panels/DownloadLink';
import { composePng, exportScale, type PngMeta } from './pngCompose';
import { canvasTheme } from './theme';

export type { LegendItem, PngMeta } from './pngCompose';

/** A chart's image for export: its width in CSS px, and a drawing of it at `scale` (image px = CSS px × scale). */
export interface PngSource {
  width: number;
  draw(scale: number): HTMLCanvasElement | Promise<HTMLCanvasElement>;
}

/** A file name from free text: letters, digits, dot, dash and underscore only, at most 80 characters. */
export function safeName(s: string): string {
  return s.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'chart';
}

/** The page's panel and text colours, for a PNG that looks like the chart on screen. */
function pngColours(): { bg: string; text: string } {
  const t = canvasTheme();
  return { bg: t.panel, text: t.dark ? '#e4e8ee' : '#1d232b' };
}

/** The composed PNG of `source` with `meta`, as a blob (null when the browser gives none). */
export async function chartPng(source: PngSource, meta: PngMeta): Promise<Blob | null> {
  const chart = await source.draw(exportScale(source.width));
  const out = document.createElement('canvas');
  composePng(out, chart, chart.width, chart.height, meta, pngColours());
  return new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
}

/** `source` and `meta` are read at click time; `name` is the file name without extension. */
export function PngButton({ source, meta, name, testId }: { source: () => PngSource | null; meta: PngMeta | (() => PngMeta); name: string; testId?: string }) {
  const onClick = async (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    const src = source();
    if (!src) return;
    const png = await chartPng(src, typeof meta === 'function' ? meta() : meta);
    if (png) saveFile(`${safeName(name)}.png`, png, 'image/png');
  };
  return (
    <a className="png-button" href="#" onClick={(e) => void onClick(e)} data-testid={testId} title="Download this chart as a PNG image (with its title, axis names and legend)">
      PNG
    </a>
  );
}

/** A canvas as drawn now, enlarged by nearest-neighbour scaling (maps and heat maps stay crisp cells). */
export function canvasSource(c: HTMLCanvasElement | null): PngSource | null {
  if (!c) return null;
  const cssW = c.clientWidth || c.width;
  const cssH = c.clientHeight || c.height;
  return {
    width: cssW,
    draw: (scale) => {
      const out = document.createElement('canvas');
      out.width = Math.round(cssW * scale);
      out.height = Math.round(cssH * scale);
      const ctx = out.getContext('2d')!;
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(c, 0, 0, out.width, out.height);
      return out;
    },
  };
}

/** An SVG chart (recharts), re-rendered at the export scale. */
export function svgSource(svg: SVGSVGElement | null | undefined): PngSource | null {
  if (!svg) return null;
  return { width: svg.getBoundingClientRect().width || svg.width.baseVal.value, draw: (scale) => svgToCanvas(svg, scale) };
}

/** An HTML heat-map table, redrawn cell by cell at the export scale. */
export function tableSource(table: HTMLTableElement | null): PngSource | null {
  if (!table) return null;
  return { width: table.getBoundingClientRect().width, draw: (scale) => tableToCanvas(table, scale) };
}

/** Draw an SVG element onto a panel-coloured canvas at `scale`× (serialised with its attributes; fonts fall back to sans-serif). */
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
    ctx.fillStyle = pngColours().bg;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Draw an HTML table (a heat-map: cell backgrounds and texts, as laid out now) onto a panel-coloured canvas at `scale`×. */
export function tableToCanvas(table: HTMLTableElement, scale = 2): HTMLCanvasElement {
  const box = table.getBoundingClientRect();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(box.width * scale);
  canvas.height = Math.ceil(box.height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = pngColours().bg;
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
