/**
 * Canvas drawing of the toy landscape (src/model/toy.ts): the parameter plane with both objectives' contour lines (pale blue f1, pale orange f2)
 * and the Pareto set, and the loss plane (f1, f2) with the Pareto front; trajectories on top of either.
 */
import { TOY_BOUNDS, toyEval, toyParetoSet } from '../../model';

/** Loss-plane bounds: both objectives lie in [−20, 9] over the plotted square. */
export const LOSS_BOUNDS = { l1: [-21, 10], l2: [-21, 10] } as const;
/** Contour levels per objective. */
const LEVELS = 14;

/** A value → pixel map for a square canvas of `size` px over [lo, hi]² (y up). */
export function planeMap(size: number, xr: readonly [number, number], yr: readonly [number, number]) {
  return {
    px: (x: number) => ((x - xr[0]) / (xr[1] - xr[0])) * size,
    py: (y: number) => size - ((y - yr[0]) / (yr[1] - yr[0])) * size,
    /** pixel → value (the inverse, for clicks) */
    fromPx: (px: number, py: number): [number, number] => [xr[0] + (px / size) * (xr[1] - xr[0]), yr[0] + ((size - py) / size) * (yr[1] - yr[0])],
  };
}

/**
 * The level index of each objective on a size×size grid of the parameter plane, banded evenly between its min
 * and max there: a pixel lies on a contour where its band differs from its right or lower neighbour's.
 */
export function contourBands(size: number): [Int16Array, Int16Array] {
  const { fromPx } = planeMap(size, TOY_BOUNDS.x1, TOY_BOUNDS.x2);
  const f = [new Float64Array(size * size), new Float64Array(size * size)];
  for (let j = 0; j < size; j++)
    for (let i = 0; i < size; i++) {
      const [x1, x2] = fromPx(i + 0.5, j + 0.5);
      const v = toyEval(x1, x2).f;
      f[0][j * size + i] = v[0];
      f[1][j * size + i] = v[1];
    }
  return f.map((vals) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of vals) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    return Int16Array.from(vals, (v) => Math.min(LEVELS - 1, Math.floor(((v - lo) / (hi - lo || 1)) * LEVELS)));
  }) as [Int16Array, Int16Array];
}

const cache = new Map<number, ImageData>();

/** The contour image of both objectives (f1 blue, f2 orange) for a size-px canvas, computed once per size. */
function contourImage(ctx: CanvasRenderingContext2D, size: number): ImageData {
  const hit = cache.get(size);
  if (hit) return hit;
  const [b1, b2] = contourBands(size);
  const img = ctx.createImageData(size, size);
  const paint = (k: number, r: number, g: number, b: number, a: number) => void ((img.data[k] = r), (img.data[k + 1] = g), (img.data[k + 2] = b), (img.data[k + 3] = a));
  for (let j = 0; j < size; j++)
    for (let i = 0; i < size; i++) {
      const p = j * size + i;
      const edge = (b: Int16Array) => (i + 1 < size && b[p] !== b[p + 1]) || (j + 1 < size && b[p] !== b[p + size]);
      const k = 4 * p;
      // background shaded by the mean band (darker = lower average loss)
      const shade = 255 - Math.round(((LEVELS - 1 - (b1[p] + b2[p]) / 2) / LEVELS) * 40);
      paint(k, shade, shade, shade, 255);
      if (edge(b1)) paint(k, 140, 170, 225, 255);
      else if (edge(b2)) paint(k, 235, 180, 140, 255);
    }
  cache.set(size, img);
  return img;
}

export interface Trace {
  colour: string;
  /** interleaved pairs: (x1, x2) on the parameter plane, (f1, f2) on the loss plane */
  points: readonly number[];
}

/** A polyline through at most ~1500 of the trace's points, with a dot at its end. */
function drawTrace(ctx: CanvasRenderingContext2D, t: Trace, px: (v: number) => number, py: (v: number) => number): void {
  const n = t.points.length / 2;
  if (n < 1) return;
  const stride = Math.max(1, Math.floor(n / 1500));
  ctx.strokeStyle = t.colour;
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (let i = 0; i < n; i += stride) (i === 0 ? ctx.moveTo : ctx.lineTo).call(ctx, px(t.points[2 * i]), py(t.points[2 * i + 1]));
  ctx.lineTo(px(t.points[2 * n - 2]), py(t.points[2 * n - 1]));
  ctx.stroke();
  ctx.fillStyle = t.colour;
  ctx.beginPath();
  ctx.arc(px(t.points[2 * n - 2]), py(t.points[2 * n - 1]), 3.5, 0, 2 * Math.PI);
  ctx.fill();
}

const PARETO = toyParetoSet(61);

/** The parameter plane: contours, Pareto set (grey), the standard starts (hollow), the current start (filled), trajectories. */
export function drawPlane(ctx: CanvasRenderingContext2D, size: number, starts: readonly (readonly [number, number])[], start: readonly [number, number], traces: readonly Trace[]): void {
  const { px, py } = planeMap(size, TOY_BOUNDS.x1, TOY_BOUNDS.x2);
  ctx.putImageData(contourImage(ctx, size), 0, 0);
  ctx.strokeStyle = 'rgba(90,90,100,0.75)';
  ctx.lineWidth = 5;
  ctx.beginPath();
  PARETO.forEach(({ x }, i) => (i === 0 ? ctx.moveTo(px(x[0]), py(x[1])) : ctx.lineTo(px(x[0]), py(x[1]))));
  ctx.stroke();
  for (const t of traces) drawTrace(ctx, t, px, py);
  ctx.strokeStyle = '#111';
  ctx.lineWidth = 1.5;
  for (const s of starts) {
    ctx.beginPath();
    ctx.arc(px(s[0]), py(s[1]), 5, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.fillStyle = '#111';
  ctx.beginPath();
  ctx.arc(px(start[0]), py(start[1]), 4, 0, 2 * Math.PI);
  ctx.fill();
}

/** The loss plane f1 (→) against f2 (↑): axes with a few ticks, the Pareto front (grey), trajectories. */
export function drawLosses(ctx: CanvasRenderingContext2D, size: number, traces: readonly Trace[]): void {
  const { px, py } = planeMap(size, LOSS_BOUNDS.l1, LOSS_BOUNDS.l2);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = '#e3e6ea';
  ctx.fillStyle = '#7a8390';
  ctx.font = '10px sans-serif';
  ctx.lineWidth = 1;
  for (let v = -20; v <= 10; v += 10) {
    ctx.beginPath();
    ctx.moveTo(px(v), 0);
    ctx.lineTo(px(v), size);
    ctx.moveTo(0, py(v));
    ctx.lineTo(size, py(v));
    ctx.stroke();
    ctx.fillText(String(v), px(v) + 2, size - 3);
    ctx.fillText(String(v), 2, py(v) - 2);
  }
  ctx.fillText('L1 →', size - 30, size - 14);
  ctx.fillText('L2 ↑', 24, 12);
  ctx.strokeStyle = 'rgba(90,90,100,0.75)';
  ctx.lineWidth = 5;
  ctx.beginPath();
  PARETO.forEach(({ f }, i) => (i === 0 ? ctx.moveTo(px(f[0]), py(f[1])) : ctx.lineTo(px(f[0]), py(f[1]))));
  ctx.stroke();
  for (const t of traces) drawTrace(ctx, t, px, py);
}
