/** Trade-off between two tasks: each run's final metric on task A against task B, with the non-dominated runs joined as the Pareto front. */
import { lazy, Suspense, useMemo, useState } from 'react';
import { metricDirection, paretoFront, finalMetrics } from '../../model/analysis';
import type { TaskSpec } from '../../model';
import { useApp, type RunRecord } from '../../state';
import { fmtMetric } from '../panels/RunsPanel';
import { tasksOf, useSelectedRuns } from './CompareView';

// recharts loads in its own chunk, when the Pareto view first has points.
const ParetoChart = lazy(() => import('./ParetoChart'));

/** Selected runs when any are ticked, else every finished multi-task run. */
function useCandidates(): { runs: RunRecord[]; fromSelection: boolean } {
  const selected = useSelectedRuns();
  const all = useApp((s) => s.runs);
  return useMemo(
    () => (selected.length ? { runs: selected, fromSelection: true } : { runs: all.filter((r) => r.kind === 'mtl' && r.status === 'done'), fromSelection: false }),
    [selected, all],
  );
}

export function ParetoView() {
  const { runs, fromSelection } = useCandidates();
  const tasks = useMemo(() => tasksOf(runs.filter((r) => r.config.tasks.length > 1)), [runs]);
  const [pick, setPick] = useState<[string | null, string | null]>([null, null]);
  const a = tasks.find((t) => t.id === pick[0]) ?? tasks[0];
  const b = tasks.find((t) => t.id === pick[1]) ?? tasks.find((t) => t !== a);

  const { pts, front } = useMemo(() => {
    if (!a || !b) return { pts: [], front: [] as string[] };
    const pts = runs.flatMap((r) => {
      const ia = r.config.tasks.findIndex((t) => t.id === a.id);
      const ib = r.config.tasks.findIndex((t) => t.id === b.id);
      const fin = finalMetrics(r.points);
      if (ia < 0 || ib < 0 || !fin || !Number.isFinite(fin.metric[ia]) || !Number.isFinite(fin.metric[ib])) return [];
      return [{ id: r.id, name: r.name, a: fin.metric[ia], b: fin.metric[ib] }];
    });
    return { pts, front: paretoFront(pts, metricDirection(a.kind).higherIsBetter, metricDirection(b.kind).higherIsBetter) };
  }, [runs, a, b]);

  const frontPts = front.map((id) => pts.find((p) => p.id === id)!);
  const axis = (t: TaskSpec) => `${t.name} ${metricDirection(t.kind).name} (${metricDirection(t.kind).higherIsBetter ? '↑' : '↓'} better)`;

  return (
    <section className="panel pareto-view" data-testid="pareto-view" data-points={pts.length}>
      <div className="runs-head">
        <h3>Pareto front</h3>
        {tasks.length >= 2 && a && b && (
          <>
            <select aria-label="Task on the horizontal axis" data-testid="pareto-task-a" value={a.id} onChange={(e) => setPick([e.target.value, b.id === e.target.value ? a.id : b.id])}>
              {tasks.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <span>vs</span>
            <select aria-label="Task on the vertical axis" data-testid="pareto-task-b" value={b.id} onChange={(e) => setPick([a.id === e.target.value ? b.id : a.id, e.target.value])}>
              {tasks.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      <p className="hint">
        {fromSelection ? 'Ticked runs' : 'All finished multi-task runs'}: final validation metric of one task against another. A run is on the front when no other run is at
        least as good on both and better on one.
      </p>
      {!a || !b || pts.length === 0 ? (
        <p className="hint">Train multi-task runs to see their trade-off here.</p>
      ) : (
        <div className="pareto-body">
          <Suspense fallback={<p className="hint">Loading the chart…</p>}>
            <ParetoChart
              pts={pts}
              front={frontPts}
              xLabel={axis(a)}
              yLabel={axis(b)}
              title={`Pareto front of the runs: final ${a.name} against ${b.name} (validation)`}
              pngName={`pareto-${a.name}-vs-${b.name}`}
              describe={(p) => `${p.name}: ${fmtMetric(a, p.a)} · ${fmtMetric(b, p.b)}`}
            />
          </Suspense>
          <ol className="pareto-front" data-testid="pareto-front" data-count={frontPts.length}>
            {frontPts.map((p) => (
              <li key={p.id} data-run-id={p.id}>
                {p.name} <span className="hint">{fmtMetric(a, p.a)} · {fmtMetric(b, p.b)}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
