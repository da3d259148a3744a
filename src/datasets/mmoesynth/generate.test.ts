import { describe, expect, it } from 'vitest';
import { mmoeSynthetic } from '../../data/paperToys';
import { datasetExperiment, datasetTemplate } from '../../model';
import { generateDataset } from '../build';
import { spec } from './spec';

/** Xᵀy/n: for x ~ N(0, I), Stein's lemma makes it E[f′(wᵀx)]·w, a multiple of the task's weight vector. */
function steinDirection(x: Float32Array, y: Float32Array, d: number): Float64Array {
  const b = new Float64Array(d);
  for (let r = 0; r < y.length; r++) for (let i = 0; i < d; i++) b[i] += (x[r * d + i] * y[r]) / y.length;
  return b;
}
const cos = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let ab = 0, aa = 0, bb = 0;
  for (let i = 0; i < a.length; i++) [ab, aa, bb] = [ab + a[i] * b[i], aa + a[i] * a[i], bb + b[i] * b[i]];
  return ab / Math.sqrt(aa * bb);
};

describe('MMoE synthetic dataset', () => {
  it('is the paper generator’s rows: first nTrain train, the next nVal validate', () => {
    const ds = { ...spec.make(), nTrain: 30, nVal: 12, dim: 5, correlation: 0.3 };
    const cfg = datasetExperiment(ds);
    const data = generateDataset(cfg);
    const ref = mmoeSynthetic(42, 5, 0.3, cfg.seed);
    expect(data.xTrain).toEqual(ref.x.slice(0, 30 * 5));
    expect(data.xVal).toEqual(ref.x.slice(30 * 5));
    expect(data.yTrain.task_a).toEqual(ref.y[0].slice(0, 30));
    expect(data.yVal.task_b).toEqual(ref.y[1].slice(30));
  });

  it.each([-0.6, 0, 0.5, 0.9])('the tasks’ weight vectors, read off the data, have cosine p = %s', (p) => {
    const ds = { ...spec.make(), nTrain: 20_000, nVal: 10, dim: 8, correlation: p };
    const data = generateDataset({ ...datasetExperiment(ds), seed: 11 });
    const a = steinDirection(data.xTrain, data.yTrain.task_a, 8);
    const b = steinDirection(data.xTrain, data.yTrain.task_b, 8);
    expect(Math.abs(cos(a, b) - p)).toBeLessThan(0.06);
  });

  it('a single-task baseline reads the same targets; the template is MMoE', () => {
    const ds = { ...spec.make(), nTrain: 40, nVal: 10 };
    const cfg = datasetExperiment(ds);
    const both = generateDataset(cfg);
    const alone = generateDataset({ ...cfg, tasks: [cfg.tasks[1]] });
    expect(alone.yTrain.task_b).toEqual(both.yTrain.task_b);
    expect(datasetTemplate(ds, cfg.tasks).graph.nodes.some((n) => n.kind === 'mmoe')).toBe(true);
  });
});
