/** Pure geometry and canvas drawing for LineCanvas: scales, axes, markers, series and the hover line. */
import { LIGHT_THEME, type CanvasTheme } from './theme';
import { fmtNum, niceTicks } from './ticks';

/** One curve: y values aligned with the chart's xs (NaN leaves a gap), optionally against the right-hand axis. */
export interface Series {
  key: string;
  label: string;
  colour: string;
  dashed?: boolean;
  /** y values aligned with the chart's xs; NaN leaves a gap */
  ys: ArrayLike<number>;
  /** draw against the right-hand axis */
  right?: boolean;
}

/** A labelled vertical line at step x. */
export interface Marker {
  x: number;
  label: string;
}

/** Padding around the plot area, CSS px. */
export const PAD = { l: 38, r: 34, t: 6, b: 18 };

/** [lo, hi] of the finite values of the series on one axis; [0, 1] when none, widened by ±1 when flat, from 0 when that reads better. */
export function extent(series: readonly Series[], right: boolean, fromZero = true): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    if (Boolean(s.right) !== right) continue;
    for (let i = 0; i < s.ys.length; i++) {
      const v = s.ys[i];
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  if (lo === Infinity) return [0, 1];
  if (fromZero && lo > 0 && lo < hi * 0.5) lo = 0; // losses and accuracies read best from zero
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/** The series as plotted: left-axis values in log10 when logY (non-positive values become NaN gaps). */
export function plotted(series: Series[], logY: boolean): Series[] {
  if (!logY) return series;
  return series.map((s) => (s.right ? s : { ...s, ys: Float64Array.from(s.ys as ArrayLike<number>, (v) => (v > 0 ? Math.log10(v) : NaN)) }));
}

/** The markers drawn: those strictly after the first x and up to the last, when there are at least two points. */
export function shownMarkers(markers: readonly Marker[], xs: ArrayLike<number>): Marker[] {
  const n = xs.length;
  return n > 1 ? markers.filter((m) => m.x > xs[0] && m.x <= xs[n - 1]) : [];
}

/** Index of the x closest to `x` (the first on ties); 0 for an empty list. */
export function nearestIndex(xs: ArrayLike<number>, x: number): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) best = i;
  return best;
}

/** Pixel mapping of a chart: px(step) and py(value, right axis?) in CSS px; W×H is the plot area. */
export interface Scale {
  W: number;
  H: number;
  x0: number;
  x1: number;
  left: [number, number];
  right: [number, number];
  hasRight: boolean;
  px(x: number): number;
  py(y: number, right?: boolean): number;
}

/** The scale of `series` (already plotted) over `xs` in a width×height CSS px box; the left axis starts at 0 only when linear. */
export function makeScale(xs: ArrayLike<number>, series: readonly Series[], width: number, height: number, logY: boolean): Scale {
  const n = xs.length;
  const x0 = n ? xs[0] : 0;
  const x1 = n ? xs[n - 1] : 1;
  const left = extent(series, false, !logY);
  const right = extent(series, true);
  const W = width - PAD.l - PAD.r;
  const H = height - PAD.t - PAD.b;
  return {
    W,
    H,
    x0,
    x1,
    left,
    right,
    hasRight: series.some((s) => s.right),
    px: (x) => PAD.l + (x1 === x0 ? W / 2 : ((x - x0) / (x1 - x0)) * W),
    py: (y, r) => {
      const [a, b] = r ? right : left;
      return PAD.t + H - ((y - a) / (b - a)) * H;
    },
  };
}

function vline(ctx: CanvasRenderingContext2D, s: Scale, X: number): void {
  ctx.beginPath();
  ctx.moveTo(X, PAD.t);
  ctx.lineTo(X, PAD.t + s.H);
  ctx.stroke();
}

/** Grid lines and tick labels of both y axes and the x axis. */
function drawAxes(ctx: CanvasRenderingContext2D, s: Scale, n: number, logY: boolean, theme: CanvasTheme): void {
  ctx.font = '10px system-ui, sans-serif';
  ctx.strokeStyle = theme.grid;
  ctx.fillStyle = theme.text;
  ctx.lineWidth = 1;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of niceTicks(s.left[0], s.left[1], 4)) {
    const y = s.py(t);
    ctx.beginPath();
    ctx.moveTo(PAD.l, y);
    ctx.lineTo(PAD.l + s.W, y);
    ctx.stroke();
    ctx.fillText(logY ? fmtNum(10 ** t) : fmtNum(t), PAD.l - 4, y);
  }
  if (s.hasRight) {
    ctx.textAlign = 'left';
    for (const t of niceTicks(s.right[0], s.right[1], 4)) ctx.fillText(fmtNum(t), PAD.l + s.W + 4, s.py(t, true));
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  if (n) for (const t of niceTicks(s.x0, s.x1, Math.max(2, Math.floor(s.W / 70)))) ctx.fillText(fmtNum(t), s.px(t), PAD.t + s.H + 4);
}

function drawSeries(ctx: CanvasRenderingContext2D, s: Scale, xs: ArrayLike<number>, series: readonly Series[]): void {
  for (const line of series) {
    ctx.strokeStyle = line.colour;
    ctx.lineWidth = 1.5;
    ctx.setLineDash(line.dashed ? [4, 3] : []);
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < xs.length; i++) {
      const v = line.ys[i];
      if (!Number.isFinite(v)) {
        pen = false;
        continue;
      }
      const X = s.px(xs[i]);
      const Y = s.py(v, line.right);
      if (pen) ctx.lineTo(X, Y);
      else ctx.moveTo(X, Y);
      pen = true;
    }
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** What one frame shows: the points, the plotted series, the markers in range and the hovered index (or null). */
export interface Frame {
  xs: ArrayLike<number>;
  series: readonly Series[];
  markers: readonly Marker[];
  hover: number | null;
  logY: boolean;
  /** colours of the grid, labels and markers (light or dark); the light theme when absent */
  theme?: CanvasTheme;
}

/** Clear the canvas (width×height CSS px at the device pixel ratio `dpr`) and draw one frame. */
export function drawFrame(c: HTMLCanvasElement, ctx: CanvasRenderingContext2D, size: { width: number; height: number; dpr: number }, s: Scale, f: Frame): void {
  const { width, height, dpr } = size;
  c.width = width * dpr;
  c.height = height * dpr;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const theme = f.theme ?? LIGHT_THEME;
  drawAxes(ctx, s, f.xs.length, f.logY, theme);
  ctx.strokeStyle = theme.axis;
  ctx.setLineDash([2, 3]);
  ctx.textAlign = 'left';
  for (const m of f.markers) {
    vline(ctx, s, s.px(m.x));
    ctx.fillText(m.label, s.px(m.x) + 3, PAD.t);
  }
  drawSeries(ctx, s, f.xs, f.series);
  if (f.hover !== null && f.hover < f.xs.length) {
    ctx.strokeStyle = theme.axis;
    ctx.lineWidth = 1;
    vline(ctx, s, s.px(f.xs[f.hover]));
  }
}
