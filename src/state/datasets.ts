/** Dataset switching and the session's uploaded CSV (kept in the store's experiment slice: memory only, never in a link). */
import { applyTrainingRecipe, datasetTasks, datasetTemplate, mergeTaskSettings, type CsvTable, type DatasetConfig, type ExperimentConfig } from '../model';
import { defaultCsvConfig, numericTypos } from '../share';
import type { AppStore } from './store';

/**
 * Replace dataset, tasks (keeping per-task label settings by id), graph and, when the template prescribes one, the
 * weighting. A change of dataset kind also sets the new kind's training recipe (a column choice keeps the optimiser).
 */
export function applyDataset(d: ExperimentConfig, ds: DatasetConfig, withTemplate = true): void {
  const kindChanged = d.dataset.kind !== ds.kind;
  d.dataset = ds;
  d.tasks = mergeTaskSettings(datasetTasks(ds), d.tasks);
  if (!withTemplate) return;
  const tpl = datasetTemplate(ds, d.tasks);
  d.graph = tpl.graph;
  // A new graph: the warm-start choice (which nodes take which source node) belonged to the old one.
  delete d.warmStart;
  d.name = tpl.name;
  d.weighting = tpl.weighting ?? { kind: 'equal', params: {}, weights: Object.fromEntries(d.tasks.map((t) => [t.id, 1])) };
  if (kindChanged) applyTrainingRecipe(d, tpl);
}

/** Switch the experiment to another dataset with its tasks and matching template graph. */
export function switchDataset(store: AppStore, ds: DatasetConfig): void {
  store.getState().update((d) => applyDataset(d, ds));
  store.getState().select(null);
}

/** Columns of a csv config that the table lacks. */
function missingColumns(ds: DatasetConfig, table: CsvTable): string[] {
  if (ds.kind !== 'csv') return [];
  return [...ds.inputs, ...ds.targets.map((t) => t.column)].filter((c) => !table.columns.includes(c));
}

/**
 * Parse an uploaded CSV. On a bad file: the message is kept in the store's CSV session and the experiment is
 * untouched. On success: the table becomes the session's, and the experiment switches to it (an
 * experiment that already names this file's columns, e.g. from a share link, keeps its choices).
 */
export async function uploadCsv(store: AppStore, text: string, fileName: string): Promise<boolean> {
  // papaparse loads on first upload only (its own chunk).
  const { parseCsv } = await import('../share/csvParse');
  const res = parseCsv(text, fileName);
  const { setCsv } = store.getState();
  const cur = store.getState().config.dataset;
  // Said, not silent: a rejected file leaves the file in use (if any) in use, whole.
  const still = store.getState().csv.table && cur.kind === 'csv' && cur.fileName ? ` The experiment still uses “${cur.fileName}”.` : '';
  if (!res.ok) {
    setCsv({ error: res.message + still });
    return false;
  }
  const keep = cur.kind === 'csv' && (cur.inputs.length > 0 || cur.targets.length > 0) && missingColumns(cur, res.table).length === 0;
  const ds = keep ? { ...cur, fileName } : defaultCsvConfig(res.table);
  if (typeof ds === 'string') {
    setCsv({ error: ds + still });
    return false;
  }
  setCsv({ table: res.table, error: null, warnings: numericTypos(res.table) });
  if (keep) store.getState().update((d) => void (d.dataset = ds));
  else switchDataset(store, ds);
  return true;
}

/** Change the csv column choices: tasks follow and the MLP template is rebuilt for them. */
export function setCsvChoices(store: AppStore, ds: DatasetConfig & { kind: 'csv' }): void {
  store.getState().update((d) => applyDataset(d, ds));
}

// The UI reads CSV column facts through the state layer (it may not import share itself).
export { allowedKinds, inferTarget, summariseColumns, CSV_LIMITS, type ColumnSummary } from '../share';
