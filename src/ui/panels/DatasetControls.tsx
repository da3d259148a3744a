/** Data-panel widgets the dataset views share (src/datasets/<id>/view.tsx), and the per-task label budget and noise. */
import { useApp } from '../../state';
import { Explain } from '../common/Explain';
import { NumberField } from './NumberField';

/** Train/validation sizes shared by the generated datasets. */
export function SizeFields({ ds }: { ds: { nTrain: number; nVal: number } }) {
  const update = useApp((s) => s.update);
  return (
    <>
      <NumberField label="Training examples" testId="n-train" integer value={ds.nTrain} min={10} max={20000} onCommit={(v) => update((d) => void ('nTrain' in d.dataset && (d.dataset.nTrain = v)))} />
      <NumberField label="Validation examples" testId="n-val" integer value={ds.nVal} min={10} max={5000} onCommit={(v) => update((d) => void ('nVal' in d.dataset && (d.dataset.nVal = v)))} />
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
    <>
    <p className="hint explain-line">
      Label budget and noise per task <Explain concept="labels" />
    </p>
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
    </>
  );
}
