/** Token sequences with three binary tasks: contains a motif, more A than B, has a rising run of 3 (generator: generate.ts). */
// Spec files import model modules directly, not its index: model/datasets.ts loads them while the index is still loading.
import { defineDataset } from '../../model/datasetSpec';
import { chainGraph } from '../../model/templates';
import type { TaskSpec } from '../../model/types';

/** Sequence tasks, in order; tokens 0 = A, 1 = B; the motif is the ids [2, 3, 2] (needs vocab ≥ 4). */
export const SEQUENCE_TASKS: TaskSpec[] = [
  { id: 'motif', name: 'Has motif', kind: 'binary', classes: 2 },
  { id: 'more_a', name: 'More A than B', kind: 'binary', classes: 2 },
  { id: 'rising', name: 'Rising run of 3', kind: 'binary', classes: 2 },
];
export const SEQUENCE_MOTIF = [2, 3, 2];

declare module '../../model/datasetSpec' {
  interface DatasetSpecKinds {
    sequences: true;
  }
}

export const spec = defineDataset({
  kind: 'sequences',
  label: 'Token sequences',
  description: 'Random token strings; tasks: contains a motif, more A than B, has a rising run of 3.',
  order: 3,
  make: () => ({ kind: 'sequences', nTrain: 1500, nVal: 500, length: 12, vocab: 6 }),
  inputDim: (ds) => ds.length,
  tasks: () => SEQUENCE_TASKS.map((t) => ({ ...t })),
  template: (ds, tasks) => ({
    name: 'Sequences, BiLSTM hard sharing, fixed α/β',
    graph: chainGraph(
      tasks,
      [
        ['embedding', { vocab: ds.vocab, dim: 8 }],
        ['bilstm', { units: 16 }],
        ['dense', { units: 16, activation: 'relu' }],
      ],
      null,
    ),
    weighting: { kind: 'fixed', params: {}, weights: Object.fromEntries(tasks.map((t, i) => [t.id, i === 0 ? 1 : 0.5])) },
  }),
  noun: 'sequences',
  switchOnPick: true,
  plane: false,
});
