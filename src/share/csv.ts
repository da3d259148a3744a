/**
 * CSV upload: column facts, target inference and default choices (parsing lives in csvParse.ts, loaded
 * lazily with papaparse so the main bundle stays small). The table stays in this tab's
 * memory; only column choices go into the experiment (and its share link).
 */
import type { CsvConfig, CsvTable, CsvTarget, TaskKind } from '../model';

export const CSV_LIMITS = { bytes: 5_000_000, rows: 50_000, columns: 200, categories: 20 } as const;

/** A cell as a number, or null when empty or not numeric. */
const num = (s: string | undefined): number | null => {
  const t = (s ?? '').trim();
  if (t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
};

export interface ColumnSummary {
  name: string;
  /** every non-empty cell is a number */
  numeric: boolean;
  missing: number;
  /** distinct non-empty values (capped at categories + 1) */
  distinct: number;
  min: number;
  max: number;
  mean: number;
}

/** Per-column facts for pickers and the preview table. */
export function summariseColumns(table: CsvTable): ColumnSummary[] {
  return table.columns.map((name, c) => {
    let numeric = true;
    let missing = 0;
    let sum = 0;
    let count = 0;
    let min = Infinity;
    let max = -Infinity;
    const seen = new Set<string>();
    for (const r of table.rows) {
      const s = (r[c] ?? '').trim();
      if (s === '') {
        missing++;
        continue;
      }
      if (seen.size <= CSV_LIMITS.categories) seen.add(s);
      const v = num(s);
      if (v === null) numeric = false;
      else {
        sum += v;
        count++;
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    return { name, numeric: numeric && count > 0, missing, distinct: seen.size, min, max, mean: count ? sum / count : NaN };
  });
}

/** The first non-numeric cell of a column, as "row N, column "x": "v" is not a number", or null. */
export function firstNonNumeric(table: CsvTable, column: string): string | null {
  const c = table.columns.indexOf(column);
  if (c < 0) return `column "${column}" is not in ${table.fileName}`;
  for (let i = 0; i < table.rows.length; i++) {
    const s = (table.rows[i][c] ?? '').trim();
    if (s !== '' && num(s) === null) return `row ${i + 2}, column "${column}": "${s.slice(0, 40)}" is not a number`;
  }
  return null;
}

/**
 * Cells that look like typos in an otherwise numeric column (at least 80% of its non-empty cells are
 * numbers, but not all): one message per such column naming the first bad cell's row and column. Such
 * a column counts as text, so it cannot be an input until the cell is fixed or emptied.
 */
export function numericTypos(table: CsvTable): string[] {
  const out: string[] = [];
  table.columns.forEach((name, c) => {
    let numbers = 0;
    let other = 0;
    for (const r of table.rows) {
      const s = (r[c] ?? '').trim();
      if (s === '') continue;
      if (num(s) === null) other++;
      else numbers++;
    }
    if (other > 0 && numbers >= 4 * other) {
      const first = firstNonNumeric(table, name)!;
      const more = other > 1 ? ` (and ${other - 1} more cell${other > 2 ? 's' : ''})` : '';
      out.push(`${table.fileName}: ${first}${more}; the other ${numbers} cells are numbers, so the column is read as text and cannot be an input. Fix the cell or leave it empty (empty = missing).`);
    }
  });
  return out;
}

/**
 * Target kind from the column: numeric with more than 20 distinct values → regression; otherwise
 * classification when it has ≤ 20 categories (2 → binary); null when neither fits (too many text values).
 */
export function inferTarget(summary: ColumnSummary): Pick<CsvTarget, 'kind' | 'classes'> | null {
  if (summary.distinct <= CSV_LIMITS.categories && summary.distinct >= 2) {
    if (summary.numeric && summary.distinct > 10) return { kind: 'regression', classes: 1 };
    return summary.distinct === 2 ? { kind: 'binary', classes: 2 } : { kind: 'multiclass', classes: summary.distinct };
  }
  if (summary.numeric) return { kind: 'regression', classes: 1 };
  return null;
}

/** Which kinds a column may be learned as (classification needs 2..20 categories; regression needs numbers). */
export function allowedKinds(summary: ColumnSummary): TaskKind[] {
  const out: TaskKind[] = [];
  if (summary.distinct === 2) out.push('binary');
  if (summary.distinct >= 3 && summary.distinct <= CSV_LIMITS.categories) out.push('multiclass');
  if (summary.numeric) out.push('regression');
  return out;
}

/** Default column choices for a fresh upload: the last column that can be a target is the target; other numeric columns are inputs. */
export function defaultCsvConfig(table: CsvTable, valFraction = 0.25): CsvConfig | string {
  const sums = summariseColumns(table);
  let ti = -1;
  for (let i = sums.length - 1; i >= 0; i--) if (inferTarget(sums[i])) {
    ti = i;
    break;
  }
  if (ti < 0) return `${table.fileName}: no column can be a target (need a numeric column or one with 2 to ${CSV_LIMITS.categories} distinct values)`;
  const inputs = sums.filter((s, i) => i !== ti && s.numeric).map((s) => s.name);
  if (inputs.length === 0) return `${table.fileName}: no numeric column is left to use as an input`;
  const t = inferTarget(sums[ti])!;
  return { kind: 'csv', fileName: table.fileName, inputs, targets: [{ column: sums[ti].name, ...t }], valFraction };
}
