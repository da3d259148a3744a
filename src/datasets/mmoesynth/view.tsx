/** MMoE synthetic's part of the Data panel: the correlation p, sizes and dimension; a scatter of task A vs task B. */
import { useEffect, useRef } from 'react';
import type { DatasetArrays, TaskSpec } from '../../model';
import { useApp } from '../../state';
import { useCanvasTheme } from '../../ui/charts/theme';
import { SizeFields } from '../../ui/panels/DatasetControls';
import type { DatasetView } from '../../ui/panels/datasetView';
import { NumberField } from '../../ui/panels/NumberField';
import type { MmoeSynthConfig } from './schema';

function Controls({ ds }: { ds: MmoeSynthConfig }) {
  const update = useApp((s) => s.update);
  const set = (fn: (d: MmoeSynthConfig) => void) => update((d) => void (d.dataset.kind === 'mmoesynth' && fn(d.dataset)));
  return (
    <>
      <label className="field slider" title="Cosine of the two tasks' weight vectors (Ma et al.'s task correlation)">
        <span>
          Correlation p <output data-testid="mmoe-p-value">{ds.correlation.toFixed(2)}</output>
        </span>
        <input data-testid="mmoe-p" type="range" min={-1} max={1} step={0.05} value={ds.correlation} onChange={(e) => set((d) => void (d.correlation = Number(e.target.value)))} />
      </label>
      <SizeFields ds={ds} />
      <NumberField label="Input features" testId="mmoe-dim" integer value={ds.dim} min={2} max={256} onCommit={(v) => set((d) => void (d.dim = v))} />
      <p className="hint">Lesson (Ma et al.): the lower p, the more a hard-shared trunk costs; MMoE’s per-task gates lose less. Compare the two templates at a few p to see it here.</p>
    </>
  );
}

/** Pearson correlation of two equal-length series. */
function pearson(a: Float32Array, b: Float32Array): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let ab = 0, aa = 0, bb = 0;
  for (let i = 0; i < n; i++) [ab, aa, bb] = [ab + (a[i] - ma) * (b[i] - mb), aa + (a[i] - ma) ** 2, bb + (b[i] - mb) ** 2];
  return ab / Math.sqrt(aa * bb || 1);
}

/** Canvas scatter of the training targets, task A on x, task B on y (axes at ±3 sd). */
function Preview({ data, tasks }: { data: DatasetArrays; tasks: TaskSpec[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [ta, tb] = [tasks[0], tasks[1]];
  const a = ta && data.yTrain[ta.id];
  const b = tb && data.yTrain[tb.id];
  const theme = useCanvasTheme();
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || !a || !b) return;
    const size = 160;
    ctx.fillStyle = theme.plot;
    ctx.fillRect(0, 0, size, size);
    const sd = Math.sqrt(a.reduce((s, v) => s + v * v, 0) / a.length) || 1;
    const px = (v: number) => size / 2 + (v / (3 * sd)) * (size / 2);
    ctx.fillStyle = theme.dark ? 'rgba(122,167,255,0.45)' : 'rgba(47,111,222,0.35)';
    for (let i = 0; i < Math.min(a.length, 3000); i++) ctx.fillRect(px(a[i]) - 1, size - px(b[i]) - 1, 2, 2);
  }, [a, b, theme]);
  if (!a || !b) return null;
  return (
    <figure className="preview" data-testid="preview-mmoe">
      <canvas ref={ref} width={160} height={160} aria-label="Task A target against task B target" />
      <figcaption>
        {ta.name} vs {tb.name} · label correlation {pearson(a, b).toFixed(2)}
      </figcaption>
    </figure>
  );
}

declare module '../../ui/panels/datasetView' {
  interface DatasetViewKinds {
    mmoesynth: true;
  }
}

export const view: DatasetView<'mmoesynth'> = { kind: 'mmoesynth', Controls, Preview };
