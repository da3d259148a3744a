/** The runs kept in this browser: rename, delete, re-open, tick for comparison; baselines and Δm% per multi-task run. */
import { useMemo, useState } from 'react';
import { Explain } from '../common/Explain';
import { Tex } from '../common/Tex';
import { deltaMConventionOf, type DeltaMConvention, type TaskSpec } from '../../model';
import { finalMetrics } from '../../model/analysis';
import { runDeltaM, useApp, useAppStore, type RunDeltaM, type RunRecord } from '../../state';
import { fmtNum, fmtRate } from '../charts/ticks';
import { CONVENTION_LABEL, DELTA_M_FORMULAS } from './deltaMText';
import { ExportPyTorch } from './ExportPyTorch';
import { SeedGroupsTable } from './SeedGroupsTable';

/** A task's final metric as text: accuracy in %, RMSE as a number. */
export function fmtMetric(task: TaskSpec, v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '–';
  return task.kind === 'regression' ? `RMSE ${fmtNum(v)}` : `${(v * 100).toFixed(1)}%`;
}

/** Δm% as signed text. */
export const fmtDelta = (v: number) => (Number.isFinite(v) ? `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}%` : '–');

/** Rows of the runs table drawn at first, and added per "show more". */
const ROWS_PAGE = 40;

/** Δm% of every multi-task run that has matching baselines, by run id, under the experiment's convention. */
export function useDeltaMs(): Map<string, RunDeltaM> {
  const runs = useApp((s) => s.runs);
  const convention = useApp((s) => deltaMConventionOf(s.config));
  return useMemo(() => {
    const out = new Map<string, RunDeltaM>();
    for (const r of runs) {
      const d = runDeltaM(r, runs, convention);
      if (d) out.set(r.id, d);
    }
    return out;
  }, [runs, convention]);
}

/** The Δm% convention picker (kept in the experiment, so in its share link) with its formula and the metrics it counts. */
function DeltaMFormula() {
  const convention = useApp((s) => deltaMConventionOf(s.config));
  const store = useAppStore();
  const f = DELTA_M_FORMULAS[convention];
  return (
    <div className="hint" data-testid="deltam-formula" data-convention={convention}>
      <label className="inline-field">
        <span>Δm% averages</span>
        <select data-testid="deltam-convention" value={convention} onChange={(e) => store.getState().update((d) => void (d.deltaM = e.target.value as DeltaMConvention))}>
          {(Object.keys(CONVENTION_LABEL) as DeltaMConvention[]).map((c) => (
            <option key={c} value={c}>
              {CONVENTION_LABEL[c]}
            </option>
          ))}
        </select>
      </label>
      <Explain concept="deltaM" />{' '}
      <Tex tex={f.tex} text={f.text} testId="deltam-tex" />, where lₜₖ = 1 when lower is better. Task t reports Kₜ metrics Mₜₖ at the end of training: a classification task its
      validation accuracy and cross-entropy, a regression task its RMSE. Bₜₖ is the same metric of the latest single-task baseline on the same data, seed and optimiser budget.
      Positive = multi-task learning helps. Shown: {CONVENTION_LABEL[convention]}.
    </div>
  );
}

/** Stored runs that could not be read back: named with the reason, deletable, never silently dropped. */
function UnreadableRuns() {
  const unreadable = useApp((s) => s.unreadableRuns);
  const store = useAppStore();
  if (unreadable.length === 0) return null;
  return (
    <details className="unreadable-runs" data-testid="unreadable-runs">
      <summary>
        {unreadable.length} stored {unreadable.length === 1 ? 'run' : 'runs'} could not be read (from another version of the app, or damaged)
      </summary>
      <ul>
        {unreadable.map((u) => (
          <li key={u.key} data-testid={`unreadable-${u.key}`}>
            <strong>{u.name || u.key}</strong>: {u.reason}{' '}
            <button type="button" onClick={() => store.getState().deleteUnreadable(u.key)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function RunsPanel() {
  const runs = useApp((s) => s.runs);
  const baselines = useApp((s) => (s.queue?.what === 'baselines' ? s.queue : null));
  const status = useApp((s) => s.status);
  const ok = useApp((s) => s.analysis.ok);
  const store = useAppStore();
  const deltas = useDeltaMs();
  const live = status === 'starting' || status === 'running' || status === 'paused';
  // Hundreds of stored runs: the newest are drawn, the rest on request (the page stays quick at start-up).
  const [shown, setShown] = useState(ROWS_PAGE);
  return (
    <section className="panel runs-panel" data-testid="runs-panel">
      <div className="runs-head">
        <h3>Runs</h3>
        <button
          type="button"
          data-testid="train-baselines"
          disabled={!ok || live}
          onClick={() => store.getState().trainBaselines()}
          title="Train each task alone (same data, seed, optimiser and budget) one after another, to measure Δm% of multi-task runs"
        >
          Train single-task baselines
        </button>
        {baselines && (
          <span className="hint" data-testid="baselines-progress" data-done={baselines.done} data-total={baselines.total}>
            baseline {Math.min(baselines.done + 1, baselines.total)} of {baselines.total}…
          </span>
        )}
      </div>
      <DeltaMFormula />
      <SeedGroupsTable />
      <UnreadableRuns />
      {runs.length === 0 ? (
        <p className="hint">No runs yet. Every run you train is kept here, also after a reload.</p>
      ) : (
        <table className="runs-table" data-testid="runs-table">
          <thead>
            <tr>
              <th title="Compare">⇆</th>
              <th>Run</th>
              <th>Status</th>
              <th>Backend</th>
              <th>steps/s</th>
              <th>Final metrics</th>
              <th>Δm%</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {runs.slice(0, shown).map((r) => (
              <RunRow key={r.id} run={r} delta={deltas.get(r.id)} />
            ))}
          </tbody>
        </table>
      )}
      {runs.length > shown && (
        <button type="button" className="show-more" data-testid="runs-show-more" onClick={() => setShown((n) => n + ROWS_PAGE)}>
          Show {Math.min(ROWS_PAGE, runs.length - shown)} more of {runs.length - shown} older runs
        </button>
      )}
    </section>
  );
}

function RunRow({ run, delta }: { run: RunRecord; delta: RunDeltaM | undefined }) {
  const store = useAppStore();
  const selected = useApp((s) => s.selectedRunIds.includes(run.id));
  const [editing, setEditing] = useState<string | null>(null);
  const fin = finalMetrics(run.points);
  const commit = () => {
    if (editing !== null && editing.trim()) store.getState().renameRun(run.id, editing);
    setEditing(null);
  };
  return (
    <tr data-testid={`run-row-${run.id}`} data-status={run.status} data-kind={run.kind} data-name={run.name} className={`run-${run.status}`}>
      <td>
        <input type="checkbox" data-testid={`run-select-${run.id}`} checked={selected} onChange={() => store.getState().toggleRunSelected(run.id)} aria-label={`Compare ${run.name}`} />
      </td>
      <td className="run-name">
        {editing !== null ? (
          <input
            data-testid={`run-rename-input-${run.id}`}
            value={editing}
            maxLength={200}
            autoFocus
            onChange={(e) => setEditing(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit();
              if (e.key === 'Escape') setEditing(null);
            }}
          />
        ) : (
          <span data-testid={`run-name-${run.id}`} title={run.config.name}>
            {run.name}
          </span>
        )}
        {run.kind === 'baseline' && <span className="run-kind">baseline</span>}
        {/* A study's member says its seed in its name; other runs trained on another seed's data say so here. */}
        {!run.seedGroup && run.config.dataSeed !== undefined && (
          <span className="run-kind" data-testid={`run-seed-${run.id}`} title={`data of seed ${run.config.dataSeed}`}>
            seed {run.config.seed}
          </span>
        )}
      </td>
      <td>
        <span className={`run-status status-${run.status}`} title={run.error}>
          {run.status}
        </span>
      </td>
      <td>{run.backend ?? '–'}</td>
      <td>{fmtRate(run.stepsPerSec)}</td>
      <td className="run-metrics">
        {run.config.tasks.map((t, i) => (
          <span key={t.id} data-testid={`run-metric-${run.id}-${t.id}`} data-value={fin?.metric[i] ?? ''}>
            {t.name} {fmtMetric(t, fin?.metric[i])}
          </span>
        ))}
      </td>
      <td>
        {delta ? (
          <span
            className={`deltam ${delta.mean >= 0 ? 'gain' : 'loss'}`}
            data-testid={`deltam-${run.id}`}
            data-value={delta.mean}
            title={run.config.tasks.map((t, i) => `${t.name}: ${fmtDelta(delta.perTask[i])}`).join('\n')}
          >
            <strong>{fmtDelta(delta.mean)}</strong>
            <small>{run.config.tasks.map((t, i) => `${t.name} ${fmtDelta(delta.perTask[i])}`).join(' · ')}</small>
          </span>
        ) : run.kind === 'mtl' && run.config.tasks.length > 1 ? (
          <span className="hint" title="Train single-task baselines with the same data, seed and optimiser budget">
            needs baselines
          </span>
        ) : (
          '–'
        )}
      </td>
      <td className="run-actions">
        <button type="button" data-testid={`run-open-${run.id}`} title="Load this run's experiment into the editor" onClick={() => store.getState().openRun(run.id)}>
          Open
        </button>
        {run.status !== 'running' && <ExportPyTorch runId={run.id} label="PyTorch" testId={`run-export-pytorch-${run.id}`} />}
        <button type="button" data-testid={`run-rename-${run.id}`} title="Rename" onClick={() => setEditing(run.name)}>
          Rename
        </button>
        <button type="button" className="danger" data-testid={`run-delete-${run.id}`} title="Delete this run" onClick={() => store.getState().deleteRun(run.id)}>
          Delete
        </button>
      </td>
    </tr>
  );
}
