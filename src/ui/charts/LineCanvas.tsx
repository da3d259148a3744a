/**
 * A small canvas line chart for live curves. recharts re-rendered each chart in ~70 ms on the
 * 2-core test machine whatever the point count (SVG + its store); drawing a few hundred points
 * on a canvas takes well under a millisecond, so the page stays smooth while a run streams.
 */
import { useEffect, useRef, useState } from 'react';
import { PngButton } from './PngButton';
import { fmtNum, niceTicks } from './ticks';

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

interface Props {
  xs: ArrayLike<number>;
  series: Series[];
  height?: number;
  testId?: string;
  /** log10 scale on the left axis (non-positive values leave gaps); the right axis stays linear */
  logY?: boolean;
  /** file name of the PNG export (a small button under the chart); none when absent */
  pngName?: string;
  /** labelled vertical lines at these x values (e.g. where a schedule's phase 2 starts), drawn when inside the x range */
  markers?: { x: number; label: string }[];
}

const PAD = { l: 38, r: 34, t: 6, b: 18 };

function extent(series: Series[], right: boolean, fromZero = true): [number, number] {
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

/** The series as plotted: left-axis values in log10 when logY. */
function plotted(series: Series[], logY: boolean): Series[] {
  if (!logY) return series;
  return series.map((s) => (s.right ? s : { ...s, ys: Float64Array.from(s.ys as ArrayLike<number>, (v) => (v > 0 ? Math.log10(v) : NaN)) }));
}

export function LineCanvas({ xs, series: given, height = 160, testId, logY = false, pngName, markers = [] }: Props) {
  const series = plotted(given, logY);
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(300);
  const [hover, setHover] = useState<number | null>(null);

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.max(120, Math.floor(e.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const n = xs.length;
  const x0 = n ? xs[0] : 0;
  const x1 = n ? xs[n - 1] : 1;
  const [yl0, yl1] = extent(series, false, !logY);
  const [yr0, yr1] = extent(series, true);
  const hasRight = series.some((s) => s.right);
  const W = width - PAD.l - PAD.r;
  const H = height - PAD.t - PAD.b;
  const px = (x: number) => PAD.l + (x1 === x0 ? W / 2 : ((x - x0) / (x1 - x0)) * W);
  const py = (y: number, right?: boolean) => {
    const [a, b] = right ? [yr0, yr1] : [yl0, yl1];
    return PAD.t + H - ((y - a) / (b - a)) * H;
  };

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = width * dpr;
    c.height = height * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.font = '10px system-ui, sans-serif';
    ctx.strokeStyle = '#eceff3';
    ctx.fillStyle = '#6b7684';
    ctx.lineWidth = 1;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const t of niceTicks(yl0, yl1, 4)) {
      const y = py(t);
      ctx.beginPath();
      ctx.moveTo(PAD.l, y);
      ctx.lineTo(PAD.l + W, y);
      ctx.stroke();
      ctx.fillText(logY ? fmtNum(10 ** t) : fmtNum(t), PAD.l - 4, y);
    }
    if (hasRight) {
      ctx.textAlign = 'left';
      for (const t of niceTicks(yr0, yr1, 4)) ctx.fillText(fmtNum(t), PAD.l + W + 4, py(t, true));
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    if (n) for (const t of niceTicks(x0, x1, Math.max(2, Math.floor(W / 70)))) ctx.fillText(fmtNum(t), px(t), PAD.t + H + 4);
    const shownMarkers = markers.filter((m) => n > 1 && m.x > x0 && m.x <= x1);
    ctx.strokeStyle = '#9aa4b1';
    ctx.setLineDash([2, 3]);
    ctx.textAlign = 'left';
    for (const m of shownMarkers) {
      const X = px(m.x);
      ctx.beginPath();
      ctx.moveTo(X, PAD.t);
      ctx.lineTo(X, PAD.t + H);
      ctx.stroke();
      ctx.fillText(m.label, X + 3, PAD.t);
    }
    for (const s of series) {
      ctx.strokeStyle = s.colour;
      ctx.lineWidth = 1.5;
      ctx.setLineDash(s.dashed ? [4, 3] : []);
      ctx.beginPath();
      let pen = false;
      for (let i = 0; i < n; i++) {
        const v = s.ys[i];
        if (!Number.isFinite(v)) {
          pen = false;
          continue;
        }
        const X = px(xs[i]);
        const Y = py(v, s.right);
        if (pen) ctx.lineTo(X, Y);
        else ctx.moveTo(X, Y);
        pen = true;
      }
      ctx.stroke();
    }
    ctx.setLineDash([]);
    if (hover !== null && hover < n) {
      ctx.strokeStyle = '#9aa4b1';
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(px(xs[hover]), PAD.t);
      ctx.lineTo(px(xs[hover]), PAD.t + H);
      ctx.stroke();
    }
  });

  const onMove = (e: React.MouseEvent) => {
    if (!n) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const x = x0 + ((e.clientX - rect.left - PAD.l) / W) * (x1 - x0);
    let best = 0;
    for (let i = 1; i < n; i++) if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) best = i;
    setHover(best);
  };

  return (
    <div className="line-canvas" ref={wrap} data-testid={testId} data-drawn-points={n} data-log={logY || undefined} data-markers={markers.filter((m) => n > 1 && m.x > x0 && m.x <= x1).map((m) => m.x).join(',') || undefined}>
      <canvas ref={canvas} style={{ width, height }} onMouseMove={onMove} onMouseLeave={() => setHover(null)} />
      <div className="legend">
        {given.map((s) => (
          <span key={s.key}>
            <i style={{ background: s.colour }} className={s.dashed ? 'dashed' : ''} />
            {s.label}
            {hover !== null && hover < n && Number.isFinite(s.ys[hover]) ? `: ${fmtNum(s.ys[hover])}` : ''}
          </span>
        ))}
        {hover !== null && hover < n && <span className="legend-step">step {xs[hover]}</span>}
        {pngName && <PngButton canvas={() => canvas.current} name={pngName} testId={testId ? `png-${testId}` : undefined} />}
      </div>
    </div>
  );
}
