/** The runs kept in this browser: rename, delete, re-open, tick for comparison; baselines and Δm% per multi-task run. */
import { useMemo, useState } from 'react';
import { Tex } from '../common/Tex';
import type { TaskSpec } from '../../model';
import { finalMetrics } from '../../model/analysis';
import { runDeltaM, useApp, useAppStore, type RunDeltaM, type RunRecord } from '../../state';
import { fmtNum } from '../charts/ticks';
import { ExportPyTorch } from './ExportPyTorch';

/** A task's final metric as text: accuracy in %, RMSE as a number. */
export function fmtMetric(task: TaskSpec, v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '–';
  return task.kind === 'regression' ? `RMSE ${fmtNum(v)}` : `${(v * 100).toFixed(1)}%`;
}

/** Δm% as signed text. */
export const fmtDelta = (v: number) => (Number.isFinite(v) ? `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}%` : '–');

export const DELTA_M_FORMULA = 'Δm% = (1/T)·Σₜ (−1)^lₜ·(Mₜ − Mₜ,base)/Mₜ,base·100, lₜ = 1 when lower is better';
/** The same formula in TeX, typeset by KaTeX. */
export const DELTA_M_TEX = String.raw`\Delta_m\% = \frac{1}{T}\sum_{t=1}^{T} (-1)^{l_t}\,\frac{M_t - M_{t,\mathrm{base}}}{M_{t,\mathrm{base}}}\cdot 100`;

/** Δm% of every multi-task run that has matching baselines, by run id. */
export function useDeltaMs(): Map<string, RunDeltaM> {
  const runs = useApp((s) => s.runs);
  return useMemo(() => {
    const out = new Map<string, RunDeltaM>();
    for (const r of runs) {
      const d = runDeltaM(r, runs);
      if (d) out.set(r.id, d);
    }
    return out;
  }, [runs]);
}

export function RunsPanel() {
  const runs = useApp((s) => s.runs);
  const baselines = useApp((s) => (s.queue?.what === 'baselines' ? s.queue : null));
  const status = useApp((s) => s.status);
  const ok = useApp((s) => s.analysis.ok);
  const store = useAppStore();
  const deltas = useDeltaMs();
  const live = status === 'starting' || status === 'running' || status === 'paused';
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
      <p className="hint" data-testid="deltam-formula">
        <Tex tex={DELTA_M_TEX} text={DELTA_M_FORMULA} testId="deltam-tex" />, where lₜ = 1 when lower is better. Mₜ is task t's final validation metric (accuracy or RMSE); the baseline is the latest single-task run on the same data,
        seed and optimiser budget. Positive = multi-task learning helps.
      </p>
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
            {runs.map((r) => (
              <RunRow key={r.id} run={r} delta={deltas.get(r.id)} />
            ))}
          </tbody>
        </table>
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
      </td>
      <td>
        <span className={`run-status status-${run.status}`} title={run.error}>
          {run.status}
        </span>
      </td>
      <td>{run.backend ?? '–'}</td>
      <td>{run.stepsPerSec ? Math.round(run.stepsPerSec) : '–'}</td>
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
