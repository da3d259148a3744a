/** 2D synthetic points: three tasks read related random fields over the plane (generator: generate.ts). */
// Spec files import model modules directly, not its index: model/datasets.ts loads them while the index is still loading.
import { defineDataset } from '../../model/datasetSpec';
import { SYNTHETIC_TASKS } from '../../model/defaults';
import { chainGraph } from '../../model/templates';

declare module '../../model/datasetSpec' {
  interface DatasetSpecKinds {
    synthetic2d: true;
  }
}

export const spec = defineDataset({
  kind: 'synthetic2d',
  label: '2D synthetic',
  description: 'Points in the plane; three tasks read related random fields.',
  order: 0,
  make: () => ({ kind: 'synthetic2d', nPoints: 600, relatedness: 0.7, noise: 0.05, valFraction: 0.25 }),
  inputDim: () => 2,
  // The default experiment's tasks are this dataset's.
  tasks: () => SYNTHETIC_TASKS.map((t) => ({ ...t })),
  template: (_ds, tasks) => ({
    name: `${tasks.length} tasks, hard sharing`,
    graph: chainGraph(tasks, [['dense', { units: 16, activation: 'relu' }], ['dense', { units: 16, activation: 'relu' }]], null),
  }),
  noun: 'rows',
  switchOnPick: true,
  freeClasses: true,
  plane: true,
});
