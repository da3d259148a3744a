/**
 * Curves of seed groups with recharts (an analysis chart, loaded lazily with recharts): per task, each group's
 * mean curve and the min–max band of its seeds.
 */
import { useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TaskSpec } from '../../model';
import { groupBand, type SeedGroup } from '../../state';
import { CLASS_COLOURS } from '../panels/ScatterPreview';
import { useCanvasTheme } from './theme';
import { fmtNum } from './ticks';

type Quantity = 'valLoss' | 'metric';
type Row = { step: number } & Record<string, number | [number, number]>;

/** One row per step of any group: `m<k>` the k-th group's mean, `b<k>` its [min, max]. */
export function bandRows(groups: readonly SeedGroup[], taskId: string, quantity: Quantity): Row[] {
  const rows = new Map<number, Row>();
  groups.forEach((g, k) => {
    const band = groupBand(g, taskId, quantity);
    band.steps.forEach((step, i) => {
      const row = rows.get(step) ?? { step };
      row[`m${k}`] = band.mean[i];
      row[`b${k}`] = [band.min[i], band.max[i]];
      rows.set(step, row);
    });
  });
  return [...rows.values()].sort((a, b) => a.step - b.step);
}

function TaskBands({ task, groups, quantity }: { task: TaskSpec; groups: SeedGroup[]; quantity: Quantity }) {
  const having = useMemo(() => groups.filter((g) => g.tasks.some((t) => t.id === task.id)), [groups, task.id]);
  const rows = useMemo(() => bandRows(having, task.id, quantity), [having, task.id, quantity]);
  const what = quantity === 'valLoss' ? 'loss' : task.kind === 'regression' ? 'RMSE' : 'accuracy';
  const theme = useCanvasTheme();
  const tick = { fill: theme.text };
  return (
    <figure className="chart" data-testid={`band-chart-${task.id}`} data-groups={having.length} data-rows={rows.length}>
      <figcaption>
        <strong>{task.name}</strong> · validation {what}: mean over seeds, band = min…max
      </figcaption>
      <ResponsiveContainer width="100%" height={180}>
        <ComposedChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={theme.grid} />
          <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => fmtNum(v)} fontSize={10} tick={tick} stroke={theme.axis} />
          <YAxis domain={['auto', 'auto']} tickFormatter={(v: number) => fmtNum(v)} fontSize={10} width={44} tick={tick} stroke={theme.axis} />
          <Tooltip
            formatter={(v) => (Array.isArray(v) ? v.map((x) => fmtNum(Number(x))).join(' … ') : fmtNum(Number(v)))}
            labelFormatter={(s) => `step ${s}`}
            contentStyle={{ background: theme.panel, borderColor: theme.grid }}
          />
          <Legend wrapperStyle={{ fontSize: 10 }} />
          {having.map((g, k) => (
            <Area key={`b${k}`} dataKey={`b${k}`} name={`${g.name} (min…max)`} stroke="none" fill={CLASS_COLOURS[k % CLASS_COLOURS.length]} fillOpacity={0.18} isAnimationActive={false} connectNulls legendType="none" />
          ))}
          {having.map((g, k) => (
            <Line key={`m${k}`} dataKey={`m${k}`} name={g.name} stroke={CLASS_COLOURS[k % CLASS_COLOURS.length]} dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Band charts of `groups`, one per task. */
export default function GroupBands({ groups, tasks, quantity }: { groups: SeedGroup[]; tasks: TaskSpec[]; quantity: Quantity }) {
  return (
    <div className="charts" data-testid="group-bands">
      {tasks.map((t) => (
        <TaskBands key={t.id} task={t} groups={groups} quantity={quantity} />
      ))}
    </div>
  );
}
