/** Dataset picker, the chosen dataset's knobs, seed, per-task label settings, and a preview that suits the data. */
import { useState } from 'react';
import { DATASETS, datasetSpec, datasetTemplate, type DatasetArrays, type DatasetKind } from '../../model';
import { switchDataset, useApp, useAppStore } from '../../state';
import type { DatasetViews } from './datasetView';
import { TaskLabelControls } from './DatasetControls';
import { NumberField } from './NumberField';
import { Hideable, useHidden } from '../lessons/Hideable';

/** What the composition root hands over: the generated data, or why there is none yet. */
export type DatasetPreview = { status: 'loading' } | { status: 'ready'; data: DatasetArrays } | { status: 'error'; message: string };

/** `views`: each dataset's controls and preview (src/datasets/<id>/view.tsx), collected by the composition root. */
export function DatasetPanel({ preview, views }: { preview: DatasetPreview; views: DatasetViews }) {
  const store = useAppStore();
  const ds = useApp((s) => s.config.dataset);
  const seed = useApp((s) => s.config.seed);
  const tasks = useApp((s) => s.config.tasks);
  const update = useApp((s) => s.update);
  // A dataset that does not switch on a pick ("Your CSV") is only shown until its controls switch the experiment (a good upload).
  const [picked, setPicked] = useState<DatasetKind | null>(null);
  const shown: DatasetKind = picked && picked !== ds.kind ? picked : ds.kind;
  const entry = datasetSpec(shown);
  const view = views.get(shown);
  const hideDataset = useHidden('dataset');

  const pick = (kind: DatasetKind) => {
    const spec = datasetSpec(kind);
    if (!spec.switchOnPick) return setPicked(kind);
    setPicked(null);
    if (kind !== ds.kind) switchDataset(store, spec.make());
  };
  const loadTemplate = () => {
    const tpl = datasetTemplate(ds, tasks);
    update((d) => {
      d.graph = tpl.graph;
      // The warm-start choice named the old graph's nodes.
      delete d.warmStart;
      d.name = tpl.name;
      if (tpl.weighting) d.weighting = tpl.weighting;
    });
    store.getState().select(null);
  };

  return (
    <section className="panel dataset-panel">
      <h3>Data · {entry.label}</h3>
      <Hideable k="dataset">
      <label className="field" title={entry.description}>
        <span>Dataset</span>
        <select data-testid="dataset-kind" value={shown} onChange={(e) => pick(e.target.value as DatasetKind)}>
          {DATASETS.map((d) => (
            <option key={d.kind} value={d.kind}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      </Hideable>
      <p className="hint">{entry.description}</p>
      {view && <view.Controls ds={shown === ds.kind ? ds : entry.make()} />}
      <div className="seed-row">
        <NumberField label="Seed" testId="seed" integer value={seed} min={0} max={2 ** 32 - 1} onCommit={(v) => update((d) => void (d.seed = v))} />
        <button type="button" title="New random seed" data-testid="reseed" onClick={() => update((d) => void (d.seed = Math.floor(Math.random() * 1e6)))}>
          Random
        </button>
      </div>
      {shown === ds.kind && !hideDataset && (
        <button type="button" data-testid="load-template" title="Replace the graph with the architecture that suits this dataset" onClick={loadTemplate}>
          Load {entry.label} template
        </button>
      )}
      <TaskLabelControls />
      <Preview preview={preview} views={views} shownIsCurrent={shown === ds.kind} />
    </section>
  );
}

function Preview({ preview, views, shownIsCurrent }: { preview: DatasetPreview; views: DatasetViews; shownIsCurrent: boolean }) {
  const ds = useApp((s) => s.config.dataset);
  const tasks = useApp((s) => s.config.tasks);
  if (!shownIsCurrent) return null;
  if (preview.status === 'loading') return <p className="hint" data-testid="preview-loading">Loading data…</p>;
  if (preview.status === 'error')
    return (
      <p className="hint" data-testid="preview-error">
        {preview.message}
      </p>
    );
  const data = preview.data;
  const view = views.get(ds.kind);
  return (
    <>
      <p className="hint" data-testid="split-hint">
        {data.nTrain} train / {data.nVal} validation {datasetSpec(ds.kind).noun}. Seed drives data, split, labels and weight initialisation.
      </p>
      {view && <view.Preview ds={ds} data={data} tasks={tasks} />}
    </>
  );
}
