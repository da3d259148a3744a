/** 2D synthetic points: three tasks read related random fields over the plane (generator: generate.ts). */
import { z } from 'zod';
// Spec files import model modules directly, not its index: model/datasets.ts loads them while the index is still loading.
import { defineDataset } from '../../model/datasetSpec';
import { SYNTHETIC_TASKS } from '../../model/defaults';
import { finiteSchema } from '../../model/schemaKit';
import { chainGraph } from '../../model/templates';

const schema = z.object({
  kind: z.literal('synthetic2d'),
  /** total points (train + validation) */
  nPoints: z.number().int().min(20).max(20_000),
  /** 0 = unrelated task functions, 1 = every task derives from the same function */
  relatedness: finiteSchema(0, 1),
  /** input jitter / regression noise standard deviation, in input units ([-1, 1] plane) */
  noise: finiteSchema(0, 1),
  /** share of points held out for validation, in (0, 1) */
  valFraction: finiteSchema(0.05, 0.9),
});
export type Synthetic2DConfig = z.output<typeof schema>;

declare module '../../model/datasetSpec' {
  interface DatasetConfigs {
    synthetic2d: Synthetic2DConfig;
  }
}

export const spec = defineDataset({
  kind: 'synthetic2d',
  label: '2D synthetic',
  description: 'Points in the plane; three tasks read related random fields.',
  order: 0,
  schema,
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
  plane: true,
});
