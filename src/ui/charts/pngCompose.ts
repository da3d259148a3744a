/**
 * PNG exports that stand on their own: the chart image on a panel-coloured canvas at least MIN_CHART_PX wide, with a
 * title above, the y-axis name turned along the left edge, the x-axis name below, and a legend under that.
 * `pngLayout` is the pure geometry; `composePng` draws it on any 2D context (a real canvas, or a test's recorder).
 */

/** One legend entry: a swatch (solid or dashed line) and its label. */
export interface LegendItem {
  label: string;
  colour: string;
  dashed?: boolean;
}

/** What a PNG says about its chart besides the plot itself. */
export interface PngMeta {
  title: string;
  legend?: readonly LegendItem[];
  xLabel?: string;
  yLabel?: string;
}

/** Width the chart image is drawn at, in PNG pixels, at least (a 377 px chart is exported twice or more its size). */
export const MIN_CHART_PX = 800;
const MARGIN = 24;
const TITLE_PX = 26;
const LABEL_PX = 18;
const LEGEND_PX = 18;
const SWATCH = 28;
const GAP = 22;

export const TITLE_FONT = `600 ${TITLE_PX}px system-ui, sans-serif`;
export const LABEL_FONT = `${LABEL_PX}px system-ui, sans-serif`;

/** Where everything goes, PNG pixels; `legend` rows wrap to the chart's width. */
export interface PngLayout {
  width: number;
  height: number;
  /** the title's lines (wrapped to the chart's width) and the first one's top */
  title: { x: number; y: number; lines: string[] };
  chart: { x: number; y: number; w: number; h: number };
  xLabel: { x: number; y: number } | null;
  yLabel: { x: number; y: number } | null;
  legend: { x: number; y: number; item: LegendItem }[];
}

/** The scale at which a chart `cssWidth` CSS px wide is drawn for export: MIN_CHART_PX / cssWidth within [2, 3] (a small table is not blown up past 3×). */
export function exportScale(cssWidth: number): number {
  return Math.min(3, Math.max(2, MIN_CHART_PX / Math.max(1, cssWidth)));
}

/** Pure layout for a chart image of chartW×chartH px; `measure(text, font)` gives a text's width in px. */
export function pngLayout(chartW: number, chartH: number, meta: PngMeta, measure: (text: string, font: string) => number): PngLayout {
  const left = MARGIN + (meta.yLabel ? LABEL_PX + 12 : 0);
  const titleY = MARGIN;
  const lines = wrapWords(meta.title, chartW, (t) => measure(t, TITLE_FONT));
  const chartY = titleY + lines.length * (TITLE_PX + 6) + 8;
  let y = chartY + chartH + 10;
  const xLabel = meta.xLabel ? { x: left + chartW / 2, y } : null;
  if (xLabel) y += LABEL_PX + 12;
  const legend: PngLayout['legend'] = [];
  let x = left;
  const items = meta.legend ?? [];
  items.forEach((item, i) => {
    const w = SWATCH + 8 + measure(item.label, LABEL_FONT);
    if (i > 0 && x + w > left + chartW) {
      x = left;
      y += LEGEND_PX + 10;
    }
    legend.push({ x, y, item });
    x += w + GAP;
  });
  if (items.length) y += LEGEND_PX + 10;
  const titleW = Math.max(...lines.map((l) => measure(l, TITLE_FONT)));
  return {
    width: Math.ceil(Math.max(left + chartW + MARGIN, left + titleW + MARGIN)),
    height: Math.ceil(y + MARGIN - 10),
    title: { x: left, y: titleY, lines },
    chart: { x: left, y: chartY, w: chartW, h: chartH },
    xLabel,
    yLabel: meta.yLabel ? { x: MARGIN + LABEL_PX / 2, y: chartY + chartH / 2 } : null,
    legend,
  };
}

/** The 2D-context calls composePng makes (a CanvasRenderingContext2D has them all). */
export type ComposeContext = Pick<
  CanvasRenderingContext2D,
  'fillRect' | 'fillText' | 'drawImage' | 'measureText' | 'beginPath' | 'moveTo' | 'lineTo' | 'stroke' | 'setLineDash' | 'save' | 'restore' | 'translate' | 'rotate'
> & { fillStyle: unknown; strokeStyle: unknown; font: string; lineWidth: number; textAlign: CanvasTextAlign; textBaseline: CanvasTextBaseline; imageSmoothingEnabled: boolean };

/** A canvas to draw the PNG on (document.createElement('canvas') in the page). */
export interface ComposeTarget {
  width: number;
  height: number;
  getContext(kind: '2d'): ComposeContext | null;
}

/**
 * Draw `chart` (an image of chartW×chartH px) with `meta` onto `target` (resized to the layout) in the colours
 * `bg` and `text`; returns the layout. Throws when the target has no 2D context.
 */
export function composePng(
  target: ComposeTarget,
  chart: CanvasImageSource,
  chartW: number,
  chartH: number,
  meta: PngMeta,
  colours: { bg: string; text: string },
  measure?: (text: string, font: string) => number,
): PngLayout {
  let ctx = target.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw the PNG (no 2D canvas)');
  const m = measure ?? ((text: string, font: string) => ((ctx!.font = font), ctx!.measureText(text).width));
  const L = pngLayout(chartW, chartH, meta, m);
  // Resizing a canvas resets its context's state: set the size first, then draw.
  target.width = L.width;
  target.height = L.height;
  ctx = target.getContext('2d')!;
  ctx.fillStyle = colours.bg;
  ctx.fillRect(0, 0, L.width, L.height);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(chart, L.chart.x, L.chart.y, L.chart.w, L.chart.h);
  ctx.fillStyle = colours.text;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.font = TITLE_FONT;
  L.title.lines.forEach((line, i) => ctx!.fillText(line, L.title.x, L.title.y + i * (TITLE_PX + 6)));
  ctx.font = LABEL_FONT;
  if (L.xLabel && meta.xLabel) {
    ctx.textAlign = 'center';
    ctx.fillText(meta.xLabel, L.xLabel.x, L.xLabel.y);
  }
  if (L.yLabel && meta.yLabel) {
    ctx.save();
    ctx.translate(L.yLabel.x, L.yLabel.y);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(meta.yLabel, 0, 0);
    ctx.restore();
  }
  drawLegend(ctx, L.legend, colours.text);
  return L;
}

/** `text` in lines of at most `width` px by whole words (a longer word gets a line of its own). */
export function wrapWords(text: string, width: number, measure: (t: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : [''];
}

function drawLegend(ctx: ComposeContext, legend: PngLayout['legend'], text: string): void {
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 4;
  for (const { x, y, item } of legend) {
    const mid = y + LEGEND_PX / 2;
    ctx.strokeStyle = item.colour;
    ctx.setLineDash(item.dashed ? [7, 5] : []);
    ctx.beginPath();
    ctx.moveTo(x, mid);
    ctx.lineTo(x + SWATCH, mid);
    ctx.stroke();
    ctx.fillStyle = text;
    ctx.fillText(item.label, x + SWATCH + 8, mid);
  }
  ctx.setLineDash([]);
}
