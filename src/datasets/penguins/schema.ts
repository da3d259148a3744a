/** The penguins' config: its zod schema (untrusted input: every size capped) and, from it, its type. */
import { z } from 'zod';
import type { DatasetSchema } from '../../model/datasetSpec';
import { columnSchema, finiteSchema } from '../../model/schemaKit';

const object = z.object({
  kind: z.literal('penguins'),
  /** input columns (numeric measurements, see PENGUIN_NUMERIC) */
  inputs: z.array(columnSchema).min(1).max(4),
  /** target columns, each one task (see PENGUIN_TARGETS); a numeric column cannot be both */
  targets: z.array(columnSchema).min(1).max(4),
  valFraction: finiteSchema(0.05, 0.9),
});
export type PenguinsConfig = z.output<typeof object>;

// Declaring the config type here makes 'penguins' a DatasetKind: every other piece of the folder is checked against it.
declare module '../../model/datasetSpec' {
  interface DatasetConfigs {
    penguins: PenguinsConfig;
  }
}

export const schema: DatasetSchema<'penguins'> = object;
