/** MMoE's synthetic data's config: its zod schema (untrusted input: every size capped) and, from it, its type. */
import { z } from 'zod';
import type { DatasetSchema } from '../../model/datasetSpec';
import { finiteSchema } from '../../model/schemaKit';

const object = z.object({
  kind: z.literal('mmoesynth'),
  nTrain: z.number().int().min(10).max(20_000),
  nVal: z.number().int().min(10).max(5_000),
  /** input features d, each N(0, 1) */
  dim: z.number().int().min(2).max(256),
  /** cosine of the two tasks' weight vectors: the task correlation knob */
  correlation: finiteSchema(-1, 1),
});
export type MmoeSynthConfig = z.output<typeof object>;

// Declaring the config type here makes 'mmoesynth' a DatasetKind: every other piece of the folder is checked against it.
declare module '../../model/datasetSpec' {
  interface DatasetConfigs {
    mmoesynth: MmoeSynthConfig;
  }
}

export const schema: DatasetSchema<'mmoesynth'> = object;
