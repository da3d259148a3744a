/**
 * A small canvas line chart for live curves. recharts re-rendered each chart in ~70 ms on the
 * 2-core test machine whatever the point count (SVG + its store); drawing a few hundred points
 * on a canvas takes well under a millisecond, so the page stays smooth while a run streams.
 */
import { useEffect, useRef, useState } from 'react';
import { drawFrame, makeScale, nearestIndex, PAD, plotted, shownMarkers, type Marker, type Series } from './lineDraw';
import { PngButton } from './PngButton';
import { useCanvasTheme } from './theme';
import { fmtNum } from './ticks';

export type { Series } from './lineDraw';

interface Props {
  xs: ArrayLike<number>;
  series: Series[];
  height?: number;
  testId?: string;
  /** log10 scale on the left axis (non-positive values leave gaps); the right axis stays linear */
  logY?: boolean;
  /** file name of the PNG export (a small button under the chart); none when absent */
  pngName?: string;
  /** the PNG's title (default: pngName) and axis names (x default: "step"); its legend is the series' labels */
  pngTitle?: string;
  xLabel?: string;
  yLabel?: string;
  /** labelled vertical lines at these x values (e.g. where a schedule's phase 2 starts), drawn when inside the x range */
  markers?: Marker[];
}

/** A fresh canvas with one frame drawn at device pixel ratio `dpr` (for the PNG export). */
function drawnAt(dpr: number, size: { width: number; height: number }, scale: ReturnType<typeof makeScale>, frame: Parameters<typeof drawFrame>[4]): HTMLCanvasElement {
  const c = document.createElement('canvas');
  drawFrame(c, c.getContext('2d')!, { ...size, dpr }, scale, frame);
  return c;
}

/** Width of the element, CSS px (at least 120), followed with a ResizeObserver. */
function useWidth(wrap: React.RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(300);
  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.max(120, Math.floor(e.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, [wrap]);
  return width;
}

/** Curves over steps `xs`, with a hover read-out in the legend. */
export function LineCanvas({ xs, series: given, height = 160, testId, logY = false, pngName, pngTitle, xLabel = 'step', yLabel, markers = [] }: Props) {
  const series = plotted(given, logY);
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useWidth(wrap);
  const [hover, setHover] = useState<number | null>(null);
  const n = xs.length;
  const scale = makeScale(xs, series, width, height, logY);
  const shown = shownMarkers(markers, xs);
  const theme = useCanvasTheme();

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    drawFrame(c, ctx, { width, height, dpr: window.devicePixelRatio || 1 }, scale, { xs, series, markers: shown, hover, logY, theme });
  });

  const onMove = (e: React.MouseEvent) => {
    if (!n) return;
    const rect = e.currentTarget.getBoundingClientRect();
    setHover(nearestIndex(xs, scale.x0 + ((e.clientX - rect.left - PAD.l) / scale.W) * (scale.x1 - scale.x0)));
  };
  const hovered = hover !== null && hover < n ? hover : null;

  return (
    <div className="line-canvas" ref={wrap} data-testid={testId} data-drawn-points={n} data-log={logY || undefined} data-markers={shown.map((m) => m.x).join(',') || undefined}>
      <canvas ref={canvas} style={{ width, height }} onMouseMove={onMove} onMouseLeave={() => setHover(null)} />
      <div className="legend">
        {given.map((s) => (
          <span key={s.key}>
            <i style={{ background: s.colour }} className={s.dashed ? 'dashed' : ''} />
            {s.label}
            {hovered !== null && Number.isFinite(s.ys[hovered]) ? `: ${fmtNum(s.ys[hovered])}` : ''}
          </span>
        ))}
        {hovered !== null && <span className="legend-step">step {xs[hovered]}</span>}
        {pngName && (
          <PngButton
            // Redrawn at the export scale (crisp lines and text), without the hover line.
            source={() => ({ width, draw: (dpr) => drawnAt(dpr, { width, height }, scale, { xs, series, markers: shown, hover: null, logY, theme }) })}
            meta={() => ({ title: pngTitle ?? pngName, xLabel, yLabel: yLabel && logY ? `${yLabel} (log scale)` : yLabel, legend: given.map((s) => ({ label: s.label, colour: s.colour, dashed: s.dashed })) })}
            name={pngName}
            testId={testId ? `png-${testId}` : undefined}
          />
        )}
      </div>
    </div>
  );
}
