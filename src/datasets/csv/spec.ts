/** The user's CSV file: only the column choices live in the config (and in share links), never the file contents (builder: generate.ts). */
import { z } from 'zod';
// Spec files import model modules directly, not its index: model/datasets.ts loads them while the index is still loading.
import { defineDataset } from '../../model/datasetSpec';
import { columnSchema, finiteSchema, MAX_TASKS } from '../../model/schemaKit';
import { chainGraph } from '../../model/templates';
import type { TaskSpec } from '../../model/types';

/** One CSV target column and how it is learned; classes: for classification (2 for binary), 1 for regression. */
const targetSchema = z.object({ column: columnSchema, kind: z.enum(['binary', 'multiclass', 'regression']), classes: z.number().int().min(1).max(20) });

const schema = z.object({
  kind: z.literal('csv'),
  /** the file name, for messages */
  fileName: z.string().max(200),
  /** numeric input columns */
  inputs: z.array(columnSchema).max(200),
  targets: z.array(targetSchema).max(MAX_TASKS),
  valFraction: finiteSchema(0.05, 0.9),
});
export type CsvConfig = z.output<typeof schema>;
export type CsvTarget = z.output<typeof targetSchema>;

declare module '../../model/datasetSpec' {
  interface DatasetConfigs {
    csv: CsvConfig;
  }
}

/** A CSV column's task id: stable, URL-safe, unique by position. */
export function csvTaskId(column: string, i: number): string {
  return `c${i}_${column.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 40)}`;
}

function csvTasks(ds: CsvConfig): TaskSpec[] {
  return ds.targets.map((t, i) => ({
    id: csvTaskId(t.column, i),
    name: t.column.slice(0, 100),
    kind: t.kind,
    classes: t.kind === 'regression' ? 1 : t.kind === 'binary' ? 2 : Math.max(3, t.classes),
  }));
}

export const spec = defineDataset({
  kind: 'csv',
  label: 'Your CSV',
  description: 'Upload a CSV file (parsed in this tab, never uploaded); pick input and target columns.',
  order: 4,
  schema,
  make: () => ({ kind: 'csv', fileName: '', inputs: [], targets: [], valFraction: 0.25 }),
  inputDim: (ds) => ds.inputs.length,
  tasks: csvTasks,
  template: (_ds, tasks) => ({ name: 'CSV, MLP hard sharing', graph: chainGraph(tasks, [['dense', { units: 32, activation: 'relu' }], ['dense', { units: 32, activation: 'relu' }]], null) }),
  noun: 'rows',
  // The experiment switches on a good upload, never on a pick.
  switchOnPick: false,
  plane: false,
});
