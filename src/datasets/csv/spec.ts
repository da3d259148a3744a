/** The user's CSV file: only the column choices live in the config (and in share links), never the file contents (builder: generate.ts). */
// Spec files import model modules directly, not its index: model/datasets.ts loads them while the index is still loading.
import { defineDataset } from '../../model/datasetSpec';
import { chainGraph } from '../../model/templates';
import type { CsvTable, TaskSpec } from '../../model/types';
import type { CsvConfig } from './schema';

/** A CSV column's task id: stable, URL-safe, unique by position. */
export function csvTaskId(column: string, i: number): string {
  return `c${i}_${column.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 40)}`;
}

/** Sorted distinct non-empty values of a column (the class labels of a classification target: class k is the k-th). */
export function columnCategories(table: CsvTable, col: number): string[] {
  const set = new Set<string>();
  for (const r of table.rows) {
    const v = (r[col] ?? '').trim();
    if (v !== '') set.add(v);
  }
  return [...set].sort((a, b) => {
    const na = Number(a);
    const nb = Number(b);
    return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : a < b ? -1 : a > b ? 1 : 0;
  });
}

/** A classification target's class names: its column's values in the uploaded table (undefined without the table). */
function csvClassNames(ds: CsvConfig, taskId: string, table: CsvTable | null): string[] | undefined {
  const i = ds.targets.findIndex((t, k) => csvTaskId(t.column, k) === taskId);
  const col = i >= 0 && table ? table.columns.indexOf(ds.targets[i].column) : -1;
  return col >= 0 && table ? columnCategories(table, col) : undefined;
}

function csvTasks(ds: CsvConfig): TaskSpec[] {
  return ds.targets.map((t, i) => ({
    id: csvTaskId(t.column, i),
    name: t.column.slice(0, 100),
    kind: t.kind,
    classes: t.kind === 'regression' ? 1 : t.kind === 'binary' ? 2 : Math.max(3, t.classes),
  }));
}

declare module '../../model/datasetSpec' {
  interface DatasetSpecKinds {
    csv: true;
  }
}

export const spec = defineDataset({
  kind: 'csv',
  label: 'Your CSV',
  description: 'Upload a CSV file (parsed in this tab, never uploaded); pick input and target columns.',
  order: 4,
  make: () => ({ kind: 'csv', fileName: '', inputs: [], targets: [], valFraction: 0.25 }),
  inputDim: (ds) => ds.inputs.length,
  tasks: csvTasks,
  classNames: csvClassNames,
  template: (_ds, tasks) => ({ name: 'CSV, MLP hard sharing', graph: chainGraph(tasks, [['dense', { units: 32, activation: 'relu' }], ['dense', { units: 32, activation: 'relu' }]], null) }),
  noun: 'rows',
  // The experiment switches on a good upload, never on a pick.
  switchOnPick: false,
  freeClasses: true,
  plane: false,
});
