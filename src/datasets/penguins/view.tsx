/** The penguins' part of the Data panel: input and target columns; a per-column summary of the training split. */
import type { DatasetArrays, TaskSpec } from '../../model';
import { switchDataset, useAppStore } from '../../state';
import { TabularSummary } from '../../ui/panels/DataPreviews';
import type { DatasetView } from '../../ui/panels/datasetView';
import type { PenguinsConfig } from './schema';
import { PENGUIN_NUMERIC, PENGUIN_TARGETS } from './spec';

function Controls({ ds }: { ds: PenguinsConfig }) {
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

function Preview({ ds, data, tasks }: { ds: PenguinsConfig; data: DatasetArrays; tasks: TaskSpec[] }) {
  return <TabularSummary data={data} tasks={tasks} inputs={ds.inputs} />;
}

declare module '../../ui/panels/datasetView' {
  interface DatasetViewKinds {
    penguins: true;
  }
}

export const view: DatasetView<'penguins'> = { kind: 'penguins', Controls, Preview };
