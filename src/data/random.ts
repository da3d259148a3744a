/** Benchmark-only dataset: seeded Gaussian inputs and uniformly random labels, for timing wide models. */
import type { DatasetArrays, RandomDatasetConfig, TaskSpec } from '../model';
import { deriveSeed, makeRng } from './rng';
import { splitRows } from './split';

/** Generate `nPoints` rows of `inputDim` N(0, 1) features; labels uniform over each task's classes (regression: N(0, 1)). */
export function generateRandom(cfg: RandomDatasetConfig, tasks: TaskSpec[], seed: number): DatasetArrays {
  const n = Math.max(4, Math.round(cfg.nPoints));
  const d = Math.max(1, Math.round(cfg.inputDim));
  const nVal = Math.min(n - 2, Math.max(1, Math.round(n * cfg.valFraction)));
  const nTrain = n - nVal;
  const xRng = makeRng(deriveSeed(seed, 'random:x'));
  const xs = new Float32Array(n * d);
  for (let i = 0; i < xs.length; i++) xs[i] = xRng.normal();
  const columns: Record<string, Float32Array> = {};
  for (const task of tasks) {
    const rng = makeRng(deriveSeed(seed, 'random:y:' + task.id));
    const k = task.kind === 'binary' ? 2 : task.classes;
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) y[i] = task.kind === 'regression' ? rng.normal() : rng.int(k);
    columns[task.id] = y;
  }
  return splitRows(xs, d, columns, nTrain, nVal);
}
