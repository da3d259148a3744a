/** The 2D dataset's config: its zod schema (untrusted input: every size capped) and, from it, its type. */
import { z } from 'zod';
import type { DatasetSchema } from '../../model/datasetSpec';
import { finiteSchema } from '../../model/schemaKit';

const object = z.object({
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
export type Synthetic2DConfig = z.output<typeof object>;

// Declaring the config type here makes 'synthetic2d' a DatasetKind: every other piece of the folder is checked against it.
declare module '../../model/datasetSpec' {
  interface DatasetConfigs {
    synthetic2d: Synthetic2DConfig;
  }
}

export const schema: DatasetSchema<'synthetic2d'> = object;
