/** The token sequences' config: its zod schema (untrusted input: every size capped) and, from it, its type. */
import { z } from 'zod';
import type { DatasetSchema } from '../../model/datasetSpec';

const object = z.object({
  kind: z.literal('sequences'),
  nTrain: z.number().int().min(10).max(20_000),
  nVal: z.number().int().min(10).max(5_000),
  /** tokens per sequence */
  length: z.number().int().min(3).max(64),
  /** token ids 0..vocab−1; A = 0, B = 1 */
  vocab: z.number().int().min(4).max(64),
});
export type SequencesConfig = z.output<typeof object>;

// Declaring the config type here makes 'sequences' a DatasetKind: every other piece of the folder is checked against it.
declare module '../../model/datasetSpec' {
  interface DatasetConfigs {
    sequences: SequencesConfig;
  }
}

export const schema: DatasetSchema<'sequences'> = object;
