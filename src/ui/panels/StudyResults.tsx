/** The open study's results: Δm% or a task metric against the knob, one line per arm with its 95 % band (recharts, lazy), the table behind it, CSV and PNG. */
import { lazy, Suspense, useMemo, useRef } from 'react';
import { checkStudyKnob, planStudy, studyCsv, studyResults, useApp } from '../../state';
import { PngButton, svgSource } from '../charts/PngButton';
import { CLASS_COLOURS } from './ScatterPreview';
import { DownloadLink } from './DownloadLink';

// recharts loads in its own chunk, when a study is first shown.
const StudyChart = lazy(() => import('../charts/StudyChart'));

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');

export function StudyResults() {
  const study = useApp((s) => s.studies.find((x) => x.id === s.openStudyId) ?? null);
  const runs = useApp((s) => s.studyRuns);
  const figure = useRef<HTMLDivElement>(null);
  // The plan depends on the setup only; the results are recomputed as runs arrive.
  const planned = useMemo(() => {
    if (!study) return null;
    const checked = checkStudyKnob(study.config);
    const int = checked.ok && checked.knob.int;
    const plan = planStudy(study.config, int);
    return plan.ok ? { plan: plan.runs, int, knob: checked.ok ? checked.knob.label : study.config.knob } : null;
  }, [study]);
  const view = useMemo(() => (study && planned ? { ...planned, results: studyResults(study.config, planned.plan, runs, study.id, planned.int) } : null), [study, planned, runs]);
  if (!study || !view) return null;
  const { results } = view;
  const name = study.config.name;
  return (
    <div className="study-results" data-testid="study-results" data-done={results.done} data-total={results.total}>
      <div className="runs-head">
        <span>
          <strong>{name}</strong>: {results.label} against {view.knob}, mean ± 95 % t interval over the seeds ({results.done} of {results.total} trainings finished)
        </span>
        <DownloadLink testId="study-csv" name={`${name}.csv`} mime="text/csv" file={() => studyCsv(study.config, view.plan, runs, study.id, view.int)}>
          CSV
        </DownloadLink>
        <PngButton
          testId="study-png"
          name={name}
          source={() => svgSource(figure.current?.querySelector<SVGSVGElement>('svg.recharts-surface'))}
          meta={() => ({
            title: `${name}: ${results.label} against ${view.knob} (mean ± 95 % t interval)`,
            xLabel: view.knob,
            yLabel: results.label,
            legend: results.arms.map((a, i) => ({ label: a.label, colour: CLASS_COLOURS[i % CLASS_COLOURS.length] })),
          })}
        />
      </div>
      <div ref={figure}>
        <Suspense fallback={<p className="hint">Loading the chart…</p>}>
          <StudyChart results={results} knob={view.knob} />
        </Suspense>
      </div>
      <table className="study-table" data-testid="study-table">
        <thead>
          <tr>
            <th>{view.knob}</th>
            {results.arms.map((a) => (
              <th key={a.label}>{a.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {results.arms[0]?.points.map((p, vi) => (
            <tr key={vi}>
              <td>{p.value}</td>
              {results.arms.map((a, ai) => {
                const iv = a.points[vi].interval;
                return (
                  <td key={ai} data-testid={`study-cell-${ai}-${vi}`} data-mean={iv.mean} data-lo={iv.lo} data-hi={iv.hi} data-n={iv.n}>
                    {fmt(iv.mean)} {iv.n >= 2 ? `± ${fmt(iv.half)}` : ''} <small>(n = {iv.n})</small>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
