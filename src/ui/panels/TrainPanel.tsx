/** Optimiser, loss weighting, backend, and the run controls with the run's status. */
import { DEFAULT_SEEDS, defaultParams, MAX_SEEDS, WEIGHTINGS, weightingSpec, type BackendChoice, type OptimizerKind } from '../../model';
import { useApp, useAppStore } from '../../state';
import { RunSummary } from '../charts/RunSummary';
import { fmtRate } from '../charts/ticks';
import { Explain } from '../common/Explain';
import { Hideable } from '../lessons/Hideable';
import { NumberField } from './NumberField';
import { ParamField } from './ParamField';

const BACKENDS: { id: BackendChoice; label: string }[] = [
  { id: 'auto', label: 'Auto (fastest)' },
  { id: 'js', label: 'JS engine' },
  { id: 'webgpu', label: 'tfjs WebGPU' },
  { id: 'webgl', label: 'tfjs WebGL' },
  { id: 'wasm', label: 'tfjs WASM' },
  { id: 'cpu', label: 'tfjs CPU' },
];

export function TrainPanel() {
  const opt = useApp((s) => s.config.optimizer);
  const weighting = useApp((s) => s.config.weighting);
  const tasks = useApp((s) => s.config.tasks);
  const backendChoice = useApp((s) => s.config.backend);
  const evalEvery = useApp((s) => s.config.evalEvery);
  const update = useApp((s) => s.update);
  const strategy = weightingSpec(weighting.kind);
  return (
    <section className="panel train-panel">
      <h3>Training</h3>
      <label className="field">
        <span>Optimiser</span>
        <select data-testid="optimizer" value={opt.kind} onChange={(e) => update((d) => void (d.optimizer.kind = e.target.value as OptimizerKind))}>
          <option value="adam">Adam</option>
          <option value="sgd">SGD with momentum</option>
        </select>
      </label>
      <NumberField label="Learning rate" testId="lr" value={opt.learningRate} min={1e-7} max={10} onCommit={(v) => update((d) => void (d.optimizer.learningRate = v))} />
      {opt.kind === 'sgd' && (
        <NumberField label="Momentum" testId="momentum" value={opt.momentum} min={0} max={0.999} step={0.05} onCommit={(v) => update((d) => void (d.optimizer.momentum = v))} />
      )}
      <NumberField label="Batch size" testId="batch" integer value={opt.batchSize} min={1} max={4096} onCommit={(v) => update((d) => void (d.optimizer.batchSize = v))} />
      <NumberField label="Steps" testId="steps" integer value={opt.steps} min={1} max={1_000_000} onCommit={(v) => update((d) => void (d.optimizer.steps = v))} />
      <NumberField label="Evaluate every" testId="eval-every" integer value={evalEvery} min={1} max={10_000} title="Steps between validation measurements" onCommit={(v) => update((d) => void (d.evalEvery = v))} />
      <Hideable k="strategy">
      <label className="field">
        <span>Loss weighting</span>
        <select
          data-testid="weighting"
          value={weighting.kind}
          onChange={(e) => {
            const spec = weightingSpec(e.target.value);
            update((d) => {
              d.weighting.kind = e.target.value;
              d.weighting.params = spec ? defaultParams(spec.params) : {};
            });
          }}
        >
          {WEIGHTINGS.map((w) => (
            <option key={w.id} value={w.id} title={w.description}>
              {w.label}
            </option>
          ))}
        </select>
      </label>
      {strategy && (
        <p className="hint" data-testid="weighting-help">
          <strong>{strategy.label}</strong> ({strategy.cost}): {strategy.description} <em>{strategy.reference !== '—' ? strategy.reference : ''}</em>
          <Explain concept="weighting" />
        </p>
      )}
      {strategy?.params.map((p) => (
        <ParamField
          key={p.key}
          spec={p}
          testId={`wparam-${p.key}`}
          value={weighting.params[p.key] ?? p.default}
          tasks={tasks}
          onChange={(v) => update((d) => void (d.weighting.params[p.key] = v))}
        />
      ))}
      {strategy?.userWeights &&
        tasks.map((t) => (
          <NumberField
            key={t.id}
            label={`Weight · ${t.name}`}
            testId={`weight-${t.id}`}
            value={weighting.weights[t.id] ?? 1}
            min={0}
            max={1000}
            onCommit={(v) => update((d) => void (d.weighting.weights[t.id] = v))}
          />
        ))}
      </Hideable>
      <p className="hint">Loss = Σ wᵢ · Lᵢ over tasks: cross-entropy for classification, mean squared error for regression.</p>
      <Hideable k="backend">
      <label className="field">
        <span>Backend</span>
        <select data-testid="backend" value={backendChoice} onChange={(e) => update((d) => void (d.backend = e.target.value as BackendChoice))}>
          {BACKENDS.map((b) => (
            <option key={b.id} value={b.id}>
              {b.label}
            </option>
          ))}
        </select>
      </label>
      </Hideable>
      <RunControls />
    </section>
  );
}

function RunControls() {
  const ok = useApp((s) => s.analysis.ok);
  const reason = useApp((s) => s.analysis.firstError);
  const problems = useApp((s) => s.analysis.errors);
  const status = useApp((s) => s.status);
  const step = useApp((s) => s.step);
  const total = useApp((s) => s.totalSteps);
  const sps = useApp((s) => s.stepsPerSec);
  const backend = useApp((s) => s.backend);
  const notes = useApp((s) => s.backendNotes);
  const error = useApp((s) => s.error);
  const store = useAppStore();
  const { train, pause, resume, stop, reset } = store.getState();
  const live = status === 'starting' || status === 'running' || status === 'paused';
  return (
    <div className="run-controls">
      <div className="buttons">
        <button type="button" className="primary" data-testid="train" disabled={!ok || live} onClick={train} title={ok ? 'Train this experiment' : (reason ?? '')}>
          Train
        </button>
        {status === 'paused' ? (
          <button type="button" data-testid="resume" onClick={resume}>
            Resume
          </button>
        ) : (
          <button type="button" data-testid="pause" disabled={status !== 'running'} onClick={pause}>
            Pause
          </button>
        )}
        <button type="button" data-testid="stop" disabled={!live} onClick={stop}>
          Stop
        </button>
        <button type="button" data-testid="reset" disabled={status === 'idle'} onClick={reset}>
          Reset
        </button>
      </div>
      <Hideable k="seeds"><SeedControls disabled={!ok || live} /></Hideable>
      {!ok && (
        <p className="train-blocked" data-testid="train-blocked">
          Cannot train: {reason}
        </p>
      )}
      {!ok && problems.length > 1 && (
        <ul className="train-problems" data-testid="train-problems">
          {problems.slice(1, 9).map((p, i) => (
            <li key={i}>{p}</li>
          ))}
          {problems.length > 9 && <li>… and {problems.length - 9} more</li>}
        </ul>
      )}
      <div className="status" data-testid="run-status" data-status={status}>
        <progress max={total || 1} value={step} />
        <span>
          {status}
          {backend && (
            <>
              {' '}
              on <strong data-testid="active-backend">{backend}</strong>
            </>
          )}
          {status !== 'idle' && ` · step ${step}/${total} · ${fmtRate(sps)} steps/s`}
          {(status === 'running' || status === 'paused') && sps > 0 && step < total && (
            <span data-testid="time-left"> · {fmtDuration((total - step) / sps)} left</span>
          )}
        </span>
      </div>
      {notes.map((n) => (
        <p key={n} className="hint" data-testid="backend-note">
          {n}
        </p>
      ))}
      {error && (
        <p className="run-error" data-testid="run-error">
          Run failed: {error}
        </p>
      )}
      <RunSummary />
    </div>
  );
}

/** "Train × N seeds": the seed count, whether the data split varies too, and the study's progress. */
function SeedControls({ disabled }: { disabled: boolean }) {
  const count = useApp((s) => s.config.seeds?.count ?? DEFAULT_SEEDS);
  const varyData = useApp((s) => s.config.seeds?.varyData ?? false);
  const seed = useApp((s) => s.config.seed);
  const queue = useApp((s) => (s.queue?.what === 'seeds' ? s.queue : null));
  const store = useAppStore();
  const { update, trainSeeds } = store.getState();
  const setSeeds = (patch: Partial<{ count: number; varyData: boolean }>) => update((d) => void (d.seeds = { count, varyData, ...patch }));
  return (
    <div className="seed-controls" data-testid="seed-controls">
      <div className="buttons">
        <NumberField label="Seeds" testId="seeds-count" integer value={count} min={1} max={MAX_SEEDS} onCommit={(v) => setSeeds({ count: v })} title="How many seeds a study trains" />
        <button
          type="button"
          data-testid="train-seeds"
          disabled={disabled}
          onClick={trainSeeds}
          title={`Train this experiment with seeds ${seed} … ${seed + count - 1} (weight initialisation and batch order), one after another, then each seed's missing single-task baselines`}
        >
          Train × {count} seeds
        </button>
      </div>
      <label className="inline-field" title="Off: every seed trains on the data of the experiment's seed. On: each seed also draws its own data and split.">
        <input type="checkbox" data-testid="seeds-vary-data" checked={varyData} onChange={(e) => setSeeds({ varyData: e.target.checked })} />
        <span>each seed draws its own data split</span>
      </label>
      {queue && (
        <p className="hint" data-testid="seeds-progress" data-seed={(queue.seed?.index ?? 0) + 1} data-count={queue.seed?.count ?? 0} data-done={queue.done} data-total={queue.total}>
          seed {(queue.seed?.index ?? 0) + 1} of {queue.seed?.count ?? '?'} · run {Math.min(queue.done + 1, queue.total)} of {queue.total} (with same-seed baselines)
        </p>
      )}
    </div>
  );
}

/** A duration in seconds as "12 s", "3 min 05 s" or "1 h 02 min". */
export function fmtDuration(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
