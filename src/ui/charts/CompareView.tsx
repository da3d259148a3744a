/**
 * Overlay of the selected runs: one chart per task (validation loss or metric, EMA-smoothed) and a table of final
 * numbers and Δm%; seed groups among them also as mean curves with a min–max band and mean ± 95 % interval.
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import { deltaMConventionOf, type TaskSpec } from '../../model';
import { finalMetrics } from '../../model/analysis';
import { seedGroups, summarizeGroup, useApp, type RunRecord, type SeedGroup } from '../../state';
import { fmtPm } from '../panels/deltaMText';
import { fmtDelta, fmtMetric, useDeltaMs } from '../panels/RunsPanel';
import { fmtMetricPm } from '../panels/SeedGroupsTable';
import { CLASS_COLOURS } from '../panels/ScatterPreview';
import { alignOnSteps } from './compareAlign';
import { downsample } from './downsample';
import type { Series } from './lineDraw';
import { ema } from './smooth';

const MAX_POINTS = 300;
// recharts stays out of the page's first chunk: it loads when a seed group is first compared.
const GroupBands = lazy(() => import('./GroupBands'));
const SeriesChart = lazy(() => import('./SeriesChart'));
type Quantity = 'valLoss' | 'metric';

/** The selected runs, in the runs list's order. */
export function useSelectedRuns(): RunRecord[] {
  const runs = useApp((s) => s.runs);
  const ids = useApp((s) => s.selectedRunIds);
  return useMemo(() => runs.filter((r) => ids.includes(r.id)), [runs, ids]);
}

/** Tasks of several runs, by id, first occurrence wins; runs with more tasks first, so a multi-task run's task order leads. */
export function tasksOf(runs: readonly RunRecord[]): TaskSpec[] {
  const seen = new Map<string, TaskSpec>();
  const byTasks = [...runs].sort((a, b) => b.config.tasks.length - a.config.tasks.length);
  for (const r of byTasks) for (const t of r.config.tasks) if (!seen.has(t.id)) seen.set(t.id, t);
  return [...seen.values()];
}

function TaskOverlay({ task, runs, quantity, smoothing }: { task: TaskSpec; runs: RunRecord[]; quantity: Quantity; smoothing: number }) {
  const { xs, series } = useMemo(() => {
    const having = runs.filter((r) => r.config.tasks.some((t) => t.id === task.id));
    const raw = having.map((r) => {
      const i = r.config.tasks.findIndex((t) => t.id === task.id);
      const pts = downsample(r.points, MAX_POINTS);
      return { steps: Float64Array.from(pts, (p) => p.step), ys: ema(Float64Array.from(pts, (p) => p.tasks[i][quantity]), smoothing) };
    });
    const aligned = alignOnSteps(raw);
    const s: Series[] = having.map((r, k) => ({
      key: r.id,
      label: r.name,
      colour: CLASS_COLOURS[runs.indexOf(r) % CLASS_COLOURS.length],
      dashed: r.kind === 'baseline',
      ys: aligned.ys[k],
    }));
    return { xs: aligned.xs, series: s };
  }, [task.id, runs, quantity, smoothing]);
  const what = `validation ${quantity === 'valLoss' ? 'loss' : task.kind === 'regression' ? 'RMSE' : 'accuracy'}`;
  return (
    <figure className="chart" data-testid={`compare-chart-${task.id}`} data-runs={series.length}>
      <figcaption>
        <strong>{task.name}</strong> · {what}
      </figcaption>
      <Suspense fallback={<p className="hint">Loading the chart…</p>}>
        <SeriesChart
          xs={xs}
          series={series}
          xLabel="step"
          yLabel={what}
          title={`${task.name}: ${what} of the compared runs (baselines dashed)`}
          pngName={`compare-${task.name}`}
          testId={`compare-canvas-${task.id}`}
        />
      </Suspense>
    </figure>
  );
}

export function CompareView() {
  const runs = useSelectedRuns();
  const deltas = useDeltaMs();
  const [quantity, setQuantity] = useState<Quantity>('valLoss');
  const [smoothing, setSmoothing] = useState(0.6);
  const tasks = useMemo(() => tasksOf(runs), [runs]);
  return (
    <section className="panel compare-view" data-testid="compare-view" data-runs={runs.length}>
      <div className="runs-head">
        <h3>Compare runs</h3>
        <label className="inline-field">
          <span>Curve</span>
          <select data-testid="compare-quantity" value={quantity} onChange={(e) => setQuantity(e.target.value as Quantity)}>
            <option value="valLoss">validation loss</option>
            <option value="metric">validation metric</option>
          </select>
        </label>
        <label className="inline-field" title="Exponential moving average of each curve (0 = raw values)">
          <span>Smoothing {smoothing.toFixed(2)}</span>
          <input type="range" data-testid="smoothing" min={0} max={0.99} step={0.01} value={smoothing} onChange={(e) => setSmoothing(Number(e.target.value))} />
        </label>
      </div>
      {runs.length === 0 ? (
        <p className="hint">Tick runs in the list above to overlay their curves here.</p>
      ) : (
        <>
          <div className="charts">
            {tasks.map((t) => (
              <TaskOverlay key={t.id} task={t} runs={runs} quantity={quantity} smoothing={smoothing} />
            ))}
          </div>
          <table className="runs-table" data-testid="compare-table">
            <thead>
              <tr>
                <th>Run</th>
                {tasks.map((t) => (
                  <th key={t.id}>{t.name}</th>
                ))}
                <th>Δm%</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => {
                const fin = finalMetrics(r.points);
                const d = deltas.get(r.id);
                return (
                  <tr key={r.id} data-testid={`compare-row-${r.id}`}>
                    <td>{r.name}</td>
                    {tasks.map((t) => {
                      const i = r.config.tasks.findIndex((x) => x.id === t.id);
                      return <td key={t.id}>{i < 0 ? '–' : fmtMetric(t, fin?.metric[i])}</td>;
                    })}
                    <td data-testid={`compare-deltam-${r.id}`} data-value={d?.mean ?? ''}>
                      {d ? fmtDelta(d.mean) : '–'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <GroupsCompared runs={runs} tasks={tasks} quantity={quantity} />
        </>
      )}
    </section>
  );
}

/** The seed groups among the ticked runs (over their ticked seeds): band charts and mean ± 95 % interval. */
function GroupsCompared({ runs, tasks, quantity }: { runs: RunRecord[]; tasks: TaskSpec[]; quantity: Quantity }) {
  const all = useApp((s) => s.runs);
  const convention = useApp((s) => deltaMConventionOf(s.config));
  const groups = useMemo(() => seedGroups(runs), [runs]);
  if (groups.length === 0) return null;
  return (
    <div className="compare-groups">
      <h4>Seed groups</h4>
      <Suspense fallback={<p className="hint">Loading the band charts…</p>}>
        <GroupBands groups={groups} tasks={tasks} quantity={quantity} />
      </Suspense>
      <table className="runs-table" data-testid="compare-groups">
        <thead>
          <tr>
            <th>Group (mean ± 95 % t interval)</th>
            {tasks.map((t) => (
              <th key={t.id}>{t.name}</th>
            ))}
            <th>Δm%</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <GroupCompareRow key={g.id} group={g} tasks={tasks} all={all} convention={convention} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GroupCompareRow({ group, tasks, all, convention }: { group: SeedGroup; tasks: TaskSpec[]; all: RunRecord[]; convention: ReturnType<typeof deltaMConventionOf> }) {
  const sum = useMemo(() => summarizeGroup(group, all, convention), [group, all, convention]);
  return (
    <tr data-testid={`compare-group-row-${group.id}`} data-done={sum.done}>
      <td>
        {group.name} <span className="hint">n = {sum.done}</span>
      </td>
      {tasks.map((t) => {
        const i = group.tasks.findIndex((x) => x.id === t.id);
        return (
          <td key={t.id} data-testid={`compare-group-metric-${group.id}-${t.id}`} data-mean={i < 0 ? '' : sum.metrics[i].mean} data-half={i < 0 ? '' : sum.metrics[i].half}>
            {i < 0 ? '–' : fmtMetricPm(t, sum.metrics[i])}
          </td>
        );
      })}
      <td data-testid={`compare-group-deltam-${group.id}`} data-mean={sum.deltaM?.mean ?? ''} data-half={sum.deltaM?.half ?? ''}>
        {sum.deltaM ? fmtPm(sum.deltaM.mean, sum.deltaM.half, 2, '%') : '–'}
      </td>
    </tr>
  );
}
