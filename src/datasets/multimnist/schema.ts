/** MultiMNIST's config: its zod schema (untrusted input: every size capped) and, from it, its type. */
import { z } from 'zod';
import type { DatasetSchema } from '../../model/datasetSpec';

const object = z.object({
  kind: z.literal('multimnist'),
  nTrain: z.number().int().min(10).max(20_000),
  nVal: z.number().int().min(10).max(5_000),
});
export type MultiMnistConfig = z.output<typeof object>;

// Declaring the config type here makes 'multimnist' a DatasetKind: every other piece of the folder is checked against it.
declare module '../../model/datasetSpec' {
  interface DatasetConfigs {
    multimnist: MultiMnistConfig;
  }
}

export const schema: DatasetSchema<'multimnist'> = object;
