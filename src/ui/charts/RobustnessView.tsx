/** Validation accuracy (or RMSE) against FGSM strength ε, per task, for the runs ticked for comparison (else the current run). */
import { lazy, Suspense, useMemo } from 'react';
import { useApp, type RunRecord } from '../../state';
import { CLASS_COLOURS } from '../panels/ScatterPreview';
import type { Series } from './lineDraw';

// recharts loads in its own chunk, when a run with robustness scores is first shown.
const SeriesChart = lazy(() => import('./SeriesChart'));

/** The runs to show: ticked ones with robustness, else the live/last run when it has some. */
function useShownRuns(): RunRecord[] {
  const runs = useApp((s) => s.runs);
  const selected = useApp((s) => s.selectedRunIds);
  const current = useApp((s) => s.runId);
  return useMemo(() => {
    const ticked = selected.map((id) => runs.find((r) => r.id === id)).filter((r): r is RunRecord => !!r?.robustness);
    if (ticked.length) return ticked;
    const cur = runs.find((r) => r.id === current);
    return cur?.robustness ? [cur] : [];
  }, [runs, selected, current]);
}

export function RobustnessView() {
  const shown = useShownRuns();
  const first = shown[0];
  const charts = useMemo(() => {
    if (!first?.robustness) return [];
    const eps = first.robustness.eps;
    const sameEps = shown.filter((r) => r.robustness!.eps.length === eps.length && r.robustness!.eps.every((e, i) => e === eps[i]));
    return first.config.tasks.map((task) => {
      const series: Series[] = [];
      sameEps.forEach((run, k) => {
        const t = run.config.tasks.findIndex((x) => x.id === task.id);
        if (t < 0) return;
        series.push({ key: run.id, label: run.name, colour: CLASS_COLOURS[k % CLASS_COLOURS.length], ys: run.robustness!.scores.map((row) => row[t]) });
      });
      return { task, series, xs: Float64Array.from(eps) };
    });
  }, [first, shown]);
  if (!charts.length) return null;
  return (
    <section className="charts robustness" data-testid="robustness">
      <p className="hint charts-note">
        Robustness: each task's validation score when every input moves by ε along the sign of that task's loss gradient (FGSM, x′ = x + ε·sign ∇ₓL).
        {shown.length > 1 ? ' One line per ticked run.' : ' Tick runs in the list to compare them.'}
      </p>
      {charts.map(({ task, series, xs }) => {
        const what = `validation ${task.kind === 'regression' ? 'RMSE' : 'accuracy'}`;
        return (
          <figure key={task.id} className="chart" data-testid={`robustness-${task.id}`} data-runs={series.length}>
            <figcaption>
              <strong>{task.name}</strong> · {what} against ε
            </figcaption>
            <Suspense fallback={<p className="hint">Loading the chart…</p>}>
              <SeriesChart
                xs={xs}
                series={series}
                height={180}
                xLabel="FGSM strength ε"
                yLabel={what}
                title={`${task.name}: ${what} under an FGSM attack of strength ε`}
                pngName={`${task.name}-fgsm`}
                testId={`robustness-canvas-${task.id}`}
              />
            </Suspense>
          </figure>
        );
      })}
    </section>
  );
}
