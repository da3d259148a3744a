/**
 * An analysis line chart with recharts (loaded lazily, with recharts, by the views that use it): curves over a shared
 * x, with axis names, a legend, a tooltip, a responsive width and a PNG export that carries the title and legend.
 * The live training curves stay on LineCanvas (see its note on why).
 */
import { useMemo, useRef } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Series } from './lineDraw';
import { PngButton, svgSource } from './PngButton';
import { useCanvasTheme } from './theme';
import { fmtNum } from './ticks';

export interface SeriesChartProps {
  xs: ArrayLike<number>;
  series: readonly Series[];
  xLabel: string;
  yLabel: string;
  /** the PNG's title; its file name is pngName */
  title: string;
  pngName: string;
  testId: string;
  height?: number;
}

/** One row per x: `x`, then each series' value under its key (null for a gap: NaN, ±Infinity or missing). */
export function seriesRows(xs: ArrayLike<number>, series: readonly Pick<Series, 'key' | 'ys'>[]): Record<string, number | null>[] {
  return Array.from({ length: xs.length }, (_, i) => {
    const row: Record<string, number | null> = { x: xs[i] };
    for (const s of series) row[s.key] = Number.isFinite(s.ys[i]) ? s.ys[i] : null;
    return row;
  });
}

export default function SeriesChart({ xs, series, xLabel, yLabel, title, pngName, testId, height = 230 }: SeriesChartProps) {
  const rows = useMemo(() => seriesRows(xs, series), [xs, series]);
  const theme = useCanvasTheme();
  const box = useRef<HTMLDivElement>(null);
  const tick = { fill: theme.text, fontSize: 11 };
  return (
    <div className="series-chart" ref={box} data-testid={testId} data-drawn-points={xs.length} data-series={series.length}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 6, right: 12, bottom: 4, left: 8 }}>
          <CartesianGrid stroke={theme.grid} />
          <XAxis
            dataKey="x"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(v: number) => fmtNum(v)}
            tick={tick}
            stroke={theme.axis}
            label={{ value: xLabel, position: 'insideBottom', offset: -12, fill: theme.text, fontSize: 12 }}
          />
          <YAxis
            domain={['auto', 'auto']}
            tickFormatter={(v: number) => fmtNum(v)}
            tick={tick}
            stroke={theme.axis}
            width={52}
            label={{ value: yLabel, angle: -90, position: 'insideLeft', fill: theme.text, fontSize: 12, style: { textAnchor: 'middle' } }}
          />
          <Tooltip
            formatter={(v) => fmtNum(Number(v))}
            labelFormatter={(x) => `${xLabel} ${fmtNum(Number(x))}`}
            contentStyle={{ background: theme.panel, borderColor: theme.grid, fontSize: 12 }}
          />
          <Legend wrapperStyle={{ fontSize: 12, paddingTop: 22 }} />
          {series.map((s) => (
            <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.colour} strokeDasharray={s.dashed ? '5 4' : undefined} dot={xs.length <= 12} strokeWidth={1.6} isAnimationActive={false} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <PngButton
        // The axis names are in the SVG; the legend (HTML in recharts) is drawn by the export.
        source={() => svgSource(box.current?.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface'))}
        meta={() => ({ title, legend: series.map((s) => ({ label: s.label, colour: s.colour, dashed: s.dashed })) })}
        name={pngName}
        testId={`png-${testId}`}
      />
    </div>
  );
}
