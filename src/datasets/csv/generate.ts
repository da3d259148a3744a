/** A parsed CSV table + column choices → a tabular multi-task dataset. */
import { tabularArrays } from '../../data/tabular';
import type { CsvTable, DatasetArrays } from '../../model';
import type { DatasetBuilder } from '../build';
import type { CsvConfig } from './schema';
import { columnCategories, csvTaskId } from './spec';


/** A cell as a number, or null when empty or not numeric. */
export function cellNumber(s: string | undefined): number | null {
  if (s === undefined) return null;
  const t = s.trim();
  if (t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** Build the arrays; throws a readable error naming the column when the table no longer matches the config. */
export function generateCsv(cfg: CsvConfig, seed: number, table: CsvTable): DatasetArrays {
  const colIndex = (name: string) => {
    const i = table.columns.indexOf(name);
    if (i < 0) throw new Error(`column "${name}" is not in ${table.fileName}`);
    return i;
  };
  const inputs = cfg.inputs.map((c) => {
    const i = colIndex(c);
    return table.rows.map((r) => cellNumber(r[i]));
  });
  const targets = cfg.targets.map((t, ti) => {
    const i = colIndex(t.column);
    const id = csvTaskId(t.column, ti);
    if (t.kind === 'regression') return { id, regression: true, values: table.rows.map((r) => cellNumber(r[i])) };
    const cats = columnCategories(table, i);
    const k = t.kind === 'binary' ? 2 : t.classes;
    if (cats.length > k) throw new Error(`column "${t.column}" has ${cats.length} distinct values but the task has ${k} classes`);
    return {
      id,
      regression: false,
      values: table.rows.map((r) => {
        const j = cats.indexOf((r[i] ?? '').trim());
        return j >= 0 ? j : null;
      }),
    };
  });
  return tabularArrays({ inputs, targets, valFraction: cfg.valFraction }, table.rows.length, seed);
}

declare module '../build' {
  interface DatasetBuilders {
    csv: true;
  }
}

export const builder: DatasetBuilder<'csv'> = {
  kind: 'csv',
  generate(ds, _tasks, seed, sources) {
    if (!sources.table) throw new Error(`upload the CSV file${ds.fileName ? ` "${ds.fileName}"` : ''} to use this experiment (its contents are not part of the link)`);
    return generateCsv(ds, seed, sources.table);
  },
};
