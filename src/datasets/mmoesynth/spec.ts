/** MMoE's synthetic regression pair (Ma et al. 2018, §4.1): two tasks whose weight vectors have cosine p (generator: generate.ts). */
// Spec files import model modules directly, not its index: model/datasets.ts loads them while the index is still loading.
import { defineDataset } from '../../model/datasetSpec';
import { TEMPLATES } from '../../model/templates';
import type { TaskSpec } from '../../model/types';

/** The two tasks, in the generator's order (w1, w2). */
export const MMOE_TASKS: TaskSpec[] = [
  { id: 'task_a', name: 'Task A', kind: 'regression', classes: 1 },
  { id: 'task_b', name: 'Task B', kind: 'regression', classes: 1 },
];

declare module '../../model/datasetSpec' {
  interface DatasetSpecKinds {
    mmoesynth: true;
  }
}

export const spec = defineDataset({
  kind: 'mmoesynth',
  label: 'MMoE synthetic',
  description: 'Two regression tasks whose weight vectors have cosine p, with sinusoid terms (Ma et al. 2018); p is the task correlation.',
  order: 5,
  make: () => ({ kind: 'mmoesynth', nTrain: 2000, nVal: 500, dim: 16, correlation: 0.5 }),
  inputDim: (ds) => ds.dim,
  tasks: () => MMOE_TASKS.map((t) => ({ ...t })),
  // The paper's architecture: shared experts, one softmax gate per task.
  template: (ds, tasks) => ({ name: `MMoE synthetic (p = ${ds.correlation}), MMoE`, graph: TEMPLATES.find((t) => t.id === 'mmoe')!.build(tasks, ds.dim) }),
  noun: 'rows',
  switchOnPick: true,
  plane: false,
});
