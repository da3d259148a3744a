/**
 * The Pareto scatter with recharts (loaded lazily with recharts by ParetoView): every run's final metric on task A
 * against task B, the non-dominated runs in red joined as the front; tooltips name the run.
 */
import { useRef } from 'react';
import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { PngButton, svgSource } from './PngButton';
import { useCanvasTheme } from './theme';

/** One run's final pair of metrics. */
export interface ParetoDot {
  id: string;
  name: string;
  a: number;
  b: number;
}

/** A tick at 4 significant digits: close final metrics (0.8625, 0.865) stay distinct. */
const tickText = (v: number) => String(Number(v.toPrecision(4)));

const FRONT = '#d1453b';
const OTHER = '#8a95a3';

interface Props {
  pts: readonly ParetoDot[];
  /** the front's runs, in order along it */
  front: readonly ParetoDot[];
  xLabel: string;
  yLabel: string;
  title: string;
  pngName: string;
  /** text of a point's tooltip */
  describe: (p: ParetoDot) => string;
}

/** A dot with the run's test id, drawn by recharts at (cx, cy). */
function dot(r: number, fill: string) {
  return function Dot(props: unknown) {
    const { cx, cy, payload } = props as { cx?: number; cy?: number; payload?: ParetoDot };
    if (cx === undefined || cy === undefined || !payload) return <g />;
    return <circle cx={cx} cy={cy} r={r} fill={fill} data-testid={`pareto-point-${payload.id}`} />;
  };
}

export default function ParetoChart({ pts, front, xLabel, yLabel, title, pngName, describe }: Props) {
  const theme = useCanvasTheme();
  const box = useRef<HTMLDivElement>(null);
  const onFront = new Set(front.map((p) => p.id));
  const others = pts.filter((p) => !onFront.has(p.id));
  const tick = { fill: theme.text, fontSize: 11 };
  return (
    <div className="pareto-plot" ref={box} data-testid="pareto-plot" role="img" aria-label={`${xLabel} against ${yLabel}`}>
      <ResponsiveContainer width="100%" height={290}>
        <ScatterChart margin={{ top: 8, right: 14, bottom: 4, left: 8 }}>
          <CartesianGrid stroke={theme.grid} />
          <XAxis type="number" dataKey="a" name={xLabel} domain={['auto', 'auto']} tickFormatter={tickText} tick={tick} stroke={theme.axis} label={{ value: xLabel, position: 'insideBottom', offset: -14, fill: theme.text, fontSize: 12 }} />
          <YAxis type="number" dataKey="b" name={yLabel} domain={['auto', 'auto']} tickFormatter={tickText} tick={tick} stroke={theme.axis} width={58} label={{ value: yLabel, angle: -90, position: 'insideLeft', fill: theme.text, fontSize: 12, style: { textAnchor: 'middle' } }} />
          <Tooltip
            cursor={{ strokeDasharray: '3 3' }}
            content={({ payload }) => {
              const p = payload?.[0]?.payload as ParetoDot | undefined;
              return p ? <div className="chart-tooltip" style={{ background: theme.panel, border: `1px solid ${theme.grid}`, padding: '4px 8px', fontSize: 12 }}>{describe(p)}</div> : null;
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12, paddingTop: 22 }} />
          <Scatter name="dominated" data={others} fill={OTHER} shape={dot(4, OTHER)} isAnimationActive={false} />
          <Scatter name="Pareto front" data={[...front]} fill={FRONT} line={{ stroke: FRONT, strokeWidth: 1.5 }} shape={dot(5, FRONT)} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
      <PngButton
        source={() => svgSource(box.current?.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface'))}
        meta={{ title, legend: [{ label: 'Pareto front', colour: FRONT }, { label: 'dominated runs', colour: OTHER }] }}
        name={pngName}
        testId="png-pareto"
      />
    </div>
  );
}
