/** GradNorm's toy regression's config: its zod schema (untrusted input: every size capped) and, from it, its type. */
import { z } from 'zod';
import type { DatasetSchema } from '../../model/datasetSpec';
import { finiteSchema } from '../../model/schemaKit';

const object = z.object({
  kind: z.literal('gradnormtoy'),
  nTrain: z.number().int().min(10).max(20_000),
  nVal: z.number().int().min(10).max(5_000),
  /** input features d */
  dim: z.number().int().min(2).max(256),
  /** number of regression tasks T */
  taskCount: z.number().int().min(2).max(10),
  /** σ of the last task (the first has σ = 1; between them σ grows geometrically): the loss-scale imbalance */
  maxScale: finiteSchema(1, 100),
});
export type GradnormToyConfig = z.output<typeof object>;

// Declaring the config type here makes 'gradnormtoy' a DatasetKind: every other piece of the folder is checked against it.
declare module '../../model/datasetSpec' {
  interface DatasetConfigs {
    gradnormtoy: GradnormToyConfig;
  }
}

export const schema: DatasetSchema<'gradnormtoy'> = object;
