/** A study's plot (recharts, loaded lazily): the metric against the knob, one line per arm, its 95 % interval as a band. */
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StudyResults } from '../../state';
import { CLASS_COLOURS } from '../panels/ScatterPreview';
import { fmtNum } from './ticks';

/** One row per knob value: per arm i, `m<i>` its mean and `b<i>` its [lo, hi] (absent where it cannot be computed). */
export function studyRows(results: StudyResults): Record<string, number | [number, number]>[] {
  return (results.arms[0]?.points ?? []).map((p, vi) => {
    const row: Record<string, number | [number, number]> = { value: p.value };
    results.arms.forEach((a, i) => {
      const iv = a.points[vi].interval;
      if (Number.isFinite(iv.mean)) row[`m${i}`] = iv.mean;
      if (Number.isFinite(iv.lo) && Number.isFinite(iv.hi)) row[`b${i}`] = [iv.lo, iv.hi];
    });
    return row;
  });
}

export default function StudyChart({ results, knob }: { results: StudyResults; knob: string }) {
  const rows = studyRows(results);
  return (
    <figure className="chart" data-testid="study-chart" data-arms={results.arms.length}>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={rows} margin={{ top: 6, right: 24, bottom: 14, left: 0 }}>
          <CartesianGrid stroke="#eef1f5" />
          <XAxis dataKey="value" type="number" domain={['dataMin', 'dataMax']} ticks={rows.map((r) => r.value as number)} tickFormatter={(v: number) => fmtNum(v)} fontSize={11} label={{ value: knob, position: 'insideBottom', offset: -8, fontSize: 11 }} />
          <YAxis domain={['auto', 'auto']} tickFormatter={(v: number) => fmtNum(v)} fontSize={10} width={52} label={{ value: results.label, angle: -90, position: 'insideLeft', fontSize: 11 }} />
          <Tooltip formatter={(v, name) => [Array.isArray(v) ? `[${fmtNum(Number(v[0]))}, ${fmtNum(Number(v[1]))}]` : fmtNum(Number(v)), String(name)]} />
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: 10 }} />
          {results.arms.map((a, i) => (
            <Area key={`b${i}`} dataKey={`b${i}`} name={`${a.label} 95 %`} stroke="none" fill={CLASS_COLOURS[i % CLASS_COLOURS.length]} fillOpacity={0.15} isAnimationActive={false} legendType="none" />
          ))}
          {results.arms.map((a, i) => (
            <Line key={`m${i}`} dataKey={`m${i}`} name={a.label} stroke={CLASS_COLOURS[i % CLASS_COLOURS.length]} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
