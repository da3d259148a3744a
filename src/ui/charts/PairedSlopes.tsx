/**
 * The paired comparison seed by seed (recharts, loaded lazily): one line per shared seed from its value under A to
 * its value under B, so a difference that holds on every seed shows as parallel slopes and seed noise as crossing ones.
 */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PairedValues } from '../../state';
import { CLASS_COLOURS } from '../panels/ScatterPreview';
import { useCanvasTheme } from './theme';
import { fmtNum } from './ticks';

/** Rows A and B with one column `s<seed>` per seed. */
export function slopeRows(seeds: readonly number[], v: PairedValues, scale = 1): Record<string, number | string>[] {
  const row = (side: 'A' | 'B', xs: number[]) => Object.fromEntries([['side', side], ...seeds.map((s, i) => [`s${s}`, xs[i] * scale])]);
  return [row('A', v.a), row('B', v.b)];
}

export default function PairedSlopes({ seeds, values, label, scale = 1 }: { seeds: number[]; values: PairedValues; label: string; scale?: number }) {
  const rows = slopeRows(seeds, values, scale);
  const theme = useCanvasTheme();
  const tick = { fill: theme.text };
  return (
    <figure className="chart" data-testid="paired-slopes" data-seeds={seeds.length}>
      <figcaption>
        <strong>{label}</strong> per seed, A → B
      </figcaption>
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={rows} margin={{ top: 6, right: 24, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={theme.grid} />
          <XAxis dataKey="side" type="category" fontSize={11} padding={{ left: 30, right: 30 }} tick={tick} stroke={theme.axis} />
          <YAxis domain={['auto', 'auto']} tickFormatter={(v: number) => fmtNum(v)} fontSize={10} width={48} tick={tick} stroke={theme.axis} />
          <Tooltip formatter={(v, name) => [fmtNum(Number(v)), String(name)]} contentStyle={{ background: theme.panel, borderColor: theme.grid }} />
          <Legend wrapperStyle={{ fontSize: 10 }} />
          {seeds.map((s, i) => (
            <Line key={s} dataKey={`s${s}`} name={`seed ${s}`} stroke={CLASS_COLOURS[i % CLASS_COLOURS.length]} strokeWidth={1.5} isAnimationActive={false} dot={{ r: 3 }} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
