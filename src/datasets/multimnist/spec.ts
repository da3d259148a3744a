/** MultiMNIST (Sener & Koltun 2018): two overlapping MNIST digits; tasks: left digit, right digit (generator: generate.ts). */
// Spec files import model modules directly, not its index: model/datasets.ts loads them while the index is still loading.
import { defineDataset } from '../../model/datasetSpec';
import { chainGraph } from '../../model/templates';
import type { TaskSpec } from '../../model/types';

export const MNIST_TASKS: TaskSpec[] = [
  { id: 'left', name: 'Left digit', kind: 'multiclass', classes: 10 },
  { id: 'right', name: 'Right digit', kind: 'multiclass', classes: 10 },
];

declare module '../../model/datasetSpec' {
  interface DatasetSpecKinds {
    multimnist: true;
  }
}

export const spec = defineDataset({
  kind: 'multimnist',
  label: 'MultiMNIST',
  description: 'Two overlapping MNIST digits (Sener & Koltun 2018); tasks: left digit, right digit.',
  order: 1,
  // Sener & Koltun's recipe as far as the browser allows (README, "MultiMNIST"): 20,000 training pairs (the most the
  // schema allows), 10 epochs at batch 256 with Adam 1e-3; 2,000 validation pairs from the held-out 20% of the digits.
  make: () => ({ kind: 'multimnist', nTrain: 20_000, nVal: 2_000 }),
  inputDim: () => 28 * 28,
  tasks: () => MNIST_TASKS.map((t) => ({ ...t })),
  // Sener & Koltun 2018, MultiMNIST: LeNet shared encoder, a 50-unit layer per task.
  template: (_ds, tasks) => ({
    name: 'MultiMNIST, LeNet hard sharing',
    // 780 steps = 10 epochs of 20,000 pairs (78 whole batches of 256 each; the ragged tail is dropped); one evaluation per epoch.
    training: { optimizer: { kind: 'adam', learningRate: 1e-3, batchSize: 256, steps: 780 }, evalEvery: 78 },
    graph: chainGraph(
      tasks,
      [
        ['reshape', { d1: 28, d2: 28, d3: 1 }],
        ['conv2d', { filters: 10, kernel: 5, padding: 'valid', activation: 'relu' }],
        ['maxpool2d', { pool: 2, stride: 2 }],
        ['conv2d', { filters: 20, kernel: 5, padding: 'valid', activation: 'relu' }],
        ['maxpool2d', { pool: 2, stride: 2 }],
        ['flatten', {}],
        ['dense', { units: 50, activation: 'relu' }],
      ],
      { units: 50, activation: 'relu' },
    ),
  }),
  noun: 'images',
  switchOnPick: true,
  plane: false,
});
