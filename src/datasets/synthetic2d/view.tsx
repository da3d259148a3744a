/** The 2D dataset's part of the Data panel: relatedness, noise and size; one scatter of the training points per task. */
import type { DatasetArrays, TaskSpec } from '../../model';
import { useApp } from '../../state';
import type { DatasetView } from '../../ui/panels/datasetView';
import { NumberField } from '../../ui/panels/NumberField';
import { ScatterPreview } from '../../ui/panels/ScatterPreview';
import { Explain } from '../../ui/common/Explain';
import type { Synthetic2DConfig } from './schema';

function Controls({ ds }: { ds: Synthetic2DConfig }) {
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
      <Explain concept="relatedness" />
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

function Preview({ data, tasks }: { data: DatasetArrays; tasks: TaskSpec[] }) {
  return (
    <div className="previews">
      {tasks.map((t) => (
        <figure key={t.id} className="preview">
          <ScatterPreview data={data} task={t} />
          <figcaption>
            {t.name} · {t.kind === 'multiclass' ? `${t.classes} classes` : t.kind}
          </figcaption>
        </figure>
      ))}
    </div>
  );
}

declare module '../../ui/panels/datasetView' {
  interface DatasetViewKinds {
    synthetic2d: true;
  }
}

export const view: DatasetView<'synthetic2d'> = { kind: 'synthetic2d', Controls, Preview };
