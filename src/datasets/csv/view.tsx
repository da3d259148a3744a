/** The CSV's part of the Data panel: upload, then input/target per column; a per-column summary of the training split. */
import { useMemo } from 'react';
import type { DatasetArrays, TaskKind, TaskSpec } from '../../model';
import { allowedKinds, CSV_LIMITS, setCsvChoices, summariseColumns, uploadCsv, useAppStore, useCsvSession } from '../../state';
import { TabularSummary } from '../../ui/panels/DataPreviews';
import type { DatasetView } from '../../ui/panels/datasetView';
import type { CsvConfig } from './schema';

function Controls({ ds }: { ds: CsvConfig }) {
  const store = useAppStore();
  const table = useCsvSession((s) => s.table);
  const error = useCsvSession((s) => s.error);
  const warnings = useCsvSession((s) => s.warnings);
  const sums = useMemo(() => (table ? summariseColumns(table) : []), [table]);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > CSV_LIMITS.bytes) {
      store.getState().setCsv({ error: `${file.name}: the file is larger than ${CSV_LIMITS.bytes / 1e6} MB` });
      return;
    }
    await uploadCsv(store, await file.text(), file.name);
  };
  const setTarget = (column: string, kind: TaskKind | null) => {
    const s = sums.find((x) => x.name === column)!;
    const targets = ds.targets.filter((t) => t.column !== column);
    if (kind) targets.push({ column, kind, classes: kind === 'regression' ? 1 : kind === 'binary' ? 2 : s.distinct });
    const ordered = sums.map((x) => targets.find((t) => t.column === x.name)).filter((t) => t !== undefined);
    if (ordered.length === 0) return;
    setCsvChoices(store, { ...ds, targets: ordered, inputs: ds.inputs.filter((c) => c !== column || !kind) });
  };
  const setInput = (column: string, on: boolean) => {
    const inputs = sums.filter((x) => (x.name === column ? on : ds.inputs.includes(x.name))).map((x) => x.name);
    if (inputs.length === 0) return;
    setCsvChoices(store, { ...ds, inputs, targets: on ? ds.targets.filter((t) => t.column !== column) : ds.targets });
  };
  return (
    <>
      <label className="field">
        <span>CSV file</span>
        <input data-testid="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e.target.files?.[0])} />
      </label>
      {error && (
        <p className="csv-error" role="alert" data-testid="csv-error">
          {error}
        </p>
      )}
      {warnings?.map((w) => (
        <p key={w} className="csv-error" role="status" data-testid="csv-warning">
          {w}
        </p>
      ))}
      <p className="hint">The file is parsed in this tab and never uploaded. Share links hold only the column choices, not the data: whoever opens one uploads the same file. Max 5 MB / 50,000 rows.</p>
      {!table && ds.inputs.length > 0 && <p className="hint" data-testid="csv-needed">This experiment uses “{ds.fileName}”: upload that file to preview and train.</p>}
      {table && (
        <table className="tab-summary" data-testid="csv-columns">
          <thead>
            <tr>
              <th>column</th>
              <th>input</th>
              <th>target</th>
            </tr>
          </thead>
          <tbody>
            {sums.map((s) => {
              const target = ds.targets.find((t) => t.column === s.name);
              const kinds = allowedKinds(s);
              return (
                <tr key={s.name}>
                  <td title={s.numeric ? `min ${s.min}, max ${s.max}, mean ${s.mean.toFixed(3)}` : `${s.distinct}${s.distinct > CSV_LIMITS.categories ? '+' : ''} categories`}>
                    {s.name}
                    {s.missing ? ` (${s.missing} missing)` : ''}
                  </td>
                  <td>
                    <input type="checkbox" data-testid={`csv-input-${s.name}`} disabled={!s.numeric} checked={ds.inputs.includes(s.name)} onChange={(e) => setInput(s.name, e.target.checked)} />
                  </td>
                  <td>
                    <select data-testid={`csv-target-${s.name}`} value={target?.kind ?? ''} onChange={(e) => setTarget(s.name, (e.target.value || null) as TaskKind | null)}>
                      <option value="">—</option>
                      {kinds.map((k) => (
                        <option key={k} value={k}>
                          {k === 'multiclass' ? `${s.distinct} classes` : k}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="hint">Rows with a missing or non-numeric input are dropped; a missing target value is left out of that task's loss.</p>
    </>
  );
}

function Preview({ ds, data, tasks }: { ds: CsvConfig; data: DatasetArrays; tasks: TaskSpec[] }) {
  return <TabularSummary data={data} tasks={tasks} inputs={ds.inputs} />;
}

declare module '../../ui/panels/datasetView' {
  interface DatasetViewKinds {
    csv: true;
  }
}

export const view: DatasetView<'csv'> = { kind: 'csv', Controls, Preview };
