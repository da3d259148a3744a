/** GradNorm's toy (Chen et al. 2018, §5.1): T regression tasks σ_t·tanh((B + ε_t)ᵀx) with very different scales σ_t (generator: generate.ts). */
// Spec files import model modules directly, not its index: model/datasets.ts loads them while the index is still loading.
import { defineDataset } from '../../model/datasetSpec';
import { chainGraph } from '../../model/templates';
import type { GradnormToyConfig } from './schema';

/** σ_t = maxScale^{t/(T−1)}, t = 0 … T−1: from 1 to maxScale, evenly spread on a log scale. */
export function gradnormScales(ds: Pick<GradnormToyConfig, 'taskCount' | 'maxScale'>): number[] {
  const T = ds.taskCount;
  return Array.from({ length: T }, (_, t) => ds.maxScale ** (t / (T - 1)));
}

declare module '../../model/datasetSpec' {
  interface DatasetSpecKinds {
    gradnormtoy: true;
  }
}

export const spec = defineDataset({
  kind: 'gradnormtoy',
  label: 'GradNorm toy',
  description: 'T regression tasks σᵢ·tanh((B + εᵢ)ᵀx) on shared structure B, with very different scales σᵢ (Chen et al. 2018): loss-scale imbalance.',
  order: 6,
  make: () => ({ kind: 'gradnormtoy', nTrain: 2000, nVal: 500, dim: 32, taskCount: 4, maxScale: 30 }),
  inputDim: (ds) => ds.dim,
  tasks: (ds) =>
    gradnormScales(ds).map((s, t) => ({ id: `t${t + 1}`, name: `Task ${t + 1} (σ ${s < 10 ? s.toFixed(1) : s.toFixed(0)})`, kind: 'regression' as const, classes: 1 })),
  // The paper's model: a shared trunk (four 100-unit ReLU layers there; two of 32 here) and one linear head per task.
  template: (ds, tasks) => ({
    name: `GradNorm toy (${ds.taskCount} tasks, σ 1…${ds.maxScale}), hard sharing`,
    graph: chainGraph(tasks, [['dense', { units: 32, activation: 'relu' }], ['dense', { units: 32, activation: 'relu' }]], null),
  }),
  noun: 'rows',
  switchOnPick: true,
  plane: false,
});
