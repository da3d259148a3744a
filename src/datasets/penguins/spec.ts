/** Palmer penguins (vega-datasets): measurement columns as inputs, each target column a task (generator: generate.ts). */
// Spec files import model modules directly, not its index: model/datasets.ts loads them while the index is still loading.
import { defineDataset } from '../../model/datasetSpec';
import { chainGraph } from '../../model/templates';
import type { TaskSpec } from '../../model/types';

/** Penguin measurement columns usable as inputs (numeric). */
export const PENGUIN_NUMERIC = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'] as const;
/** Penguin columns usable as targets, with their task; 'Body Mass (g)' is a target only when it is not an input. */
export const PENGUIN_TARGETS: Record<string, TaskSpec & { labels?: string[] }> = {
  Species: { id: 'species', name: 'Species', kind: 'multiclass', classes: 3, labels: ['Adelie', 'Chinstrap', 'Gentoo'] },
  Sex: { id: 'sex', name: 'Sex', kind: 'binary', classes: 2, labels: ['FEMALE', 'MALE'] },
  Island: { id: 'island', name: 'Island', kind: 'multiclass', classes: 3, labels: ['Biscoe', 'Dream', 'Torgersen'] },
  'Body Mass (g)': { id: 'body_mass', name: 'Body mass', kind: 'regression', classes: 1 },
};

declare module '../../model/datasetSpec' {
  interface DatasetSpecKinds {
    penguins: true;
  }
}

export const spec = defineDataset({
  kind: 'penguins',
  label: 'Penguins',
  description: 'Palmer penguins measurements; tasks: species, sex, island.',
  order: 2,
  make: () => ({ kind: 'penguins', inputs: ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)'], targets: ['Species', 'Sex', 'Island'], valFraction: 0.25 }),
  inputDim: (ds) => ds.inputs.length,
  tasks: (ds) =>
    ds.targets
      .filter((c) => PENGUIN_TARGETS[c] && !ds.inputs.includes(c))
      .map((c) => {
        const { labels: _labels, ...t } = PENGUIN_TARGETS[c];
        return { ...t };
      }),
  classNames: (_ds, taskId) => Object.values(PENGUIN_TARGETS).find((t) => t.id === taskId)?.labels,
  template: (_ds, tasks) => ({ name: 'Penguins, MLP hard sharing', graph: chainGraph(tasks, [['dense', { units: 32, activation: 'relu' }], ['dense', { units: 32, activation: 'relu' }]], null) }),
  noun: 'rows',
  switchOnPick: true,
  plane: false,
});
