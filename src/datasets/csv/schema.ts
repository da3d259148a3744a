/** The CSV's config (column choices only, never the file's contents): its zod schema and, from it, its type. */
import { z } from 'zod';
import type { DatasetSchema } from '../../model/datasetSpec';
import { columnSchema, finiteSchema, MAX_TASKS } from '../../model/schemaKit';

/** One CSV target column and how it is learned; classes: for classification (2 for binary), 1 for regression. */
const targetSchema = z.object({ column: columnSchema, kind: z.enum(['binary', 'multiclass', 'regression']), classes: z.number().int().min(1).max(20) });

const object = z.object({
  kind: z.literal('csv'),
  /** the file name, for messages */
  fileName: z.string().max(200),
  /** numeric input columns */
  inputs: z.array(columnSchema).max(200),
  targets: z.array(targetSchema).max(MAX_TASKS),
  valFraction: finiteSchema(0.05, 0.9),
});
export type CsvConfig = z.output<typeof object>;
export type CsvTarget = z.output<typeof targetSchema>;

// Declaring the config type here makes 'csv' a DatasetKind: every other piece of the folder is checked against it.
declare module '../../model/datasetSpec' {
  interface DatasetConfigs {
    csv: CsvConfig;
  }
}

export const schema: DatasetSchema<'csv'> = object;
