/** GradNorm toy's part of the Data panel: tasks, largest scale, sizes, dimension; each task's σ and measured spread. */
import type { DatasetArrays, TaskSpec } from '../../model';
import { applyDataset, switchDataset, useApp, useAppStore } from '../../state';
import { SizeFields } from '../../ui/panels/DatasetControls';
import type { DatasetView } from '../../ui/panels/datasetView';
import { NumberField } from '../../ui/panels/NumberField';
import type { GradnormToyConfig } from './schema';
import { gradnormScales } from './spec';

function Controls({ ds }: { ds: GradnormToyConfig }) {
  const store = useAppStore();
  const update = useApp((s) => s.update);
  return (
    <>
      {/* a new task count needs new heads: the template is rebuilt; a new scale only renames the tasks */}
      <NumberField label="Tasks" testId="gradnorm-tasks" integer value={ds.taskCount} min={2} max={10} onCommit={(v) => switchDataset(store, { ...ds, taskCount: v })} />
      <NumberField label="Largest scale σ" testId="gradnorm-scale" value={ds.maxScale} min={1} max={100} step={1} onCommit={(v) => update((d) => applyDataset(d, { ...ds, maxScale: v }, false))} />
      <SizeFields ds={ds} />
      <NumberField label="Input features" testId="gradnorm-dim" integer value={ds.dim} min={2} max={256} onCommit={(v) => update((d) => void (d.dataset.kind === 'gradnormtoy' && (d.dataset.dim = v)))} />
      <p className="hint">Lesson (Chen et al.): with equal weights the large-σ tasks dominate the shared gradient; GradNorm or uncertainty weighting rebalances them. Compare the small task's curve across strategies.</p>
    </>
  );
}

const std = (v: Float32Array) => {
  const m = v.reduce((s, x) => s + x, 0) / Math.max(1, v.length);
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, v.length));
};

/** Per task: its σ, the measured spread of its training targets and that spread relative to task 1's. */
function Preview({ ds, data, tasks }: { ds: GradnormToyConfig; data: DatasetArrays; tasks: TaskSpec[] }) {
  const sigmas = gradnormScales(ds);
  const spreads = tasks.map((t) => std(data.yTrain[t.id] ?? new Float32Array()));
  return (
    <table className="tab-summary" data-testid="preview-gradnorm">
      <thead>
        <tr>
          <th>task</th>
          <th>σ</th>
          <th>target sd</th>
          <th>× task 1</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((t, i) => (
          <tr key={t.id}>
            <td>{t.name}</td>
            <td>{sigmas[Number(t.id.slice(1)) - 1]?.toFixed(2) ?? '–'}</td>
            <td>{spreads[i].toFixed(3)}</td>
            <td>{spreads[0] > 0 ? (spreads[i] / spreads[0]).toFixed(1) : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

declare module '../../ui/panels/datasetView' {
  interface DatasetViewKinds {
    gradnormtoy: true;
  }
}

export const view: DatasetView<'gradnormtoy'> = { kind: 'gradnormtoy', Controls, Preview };
