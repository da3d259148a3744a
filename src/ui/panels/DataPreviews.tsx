/** Data-panel previews the dataset views share (src/datasets/<id>/view.tsx). */
import type { DatasetArrays, TaskSpec } from '../../model';

/** A label for display: the class index, or '–' when the row is unlabelled. */
export const fmtLabel = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '–' : String(v));

/** Per-task summary of the training split: labelled rows, class counts or mean ± sd. */
export function TabularSummary({ data, tasks, inputs }: { data: DatasetArrays; tasks: TaskSpec[]; inputs: string[] }) {
  return (
    <table className="tab-summary" data-testid="preview-table">
      <thead>
        <tr>
          <th>column</th>
          <th>role</th>
          <th>training rows</th>
        </tr>
      </thead>
      <tbody>
        {inputs.map((c) => (
          <tr key={c}>
            <td>{c}</td>
            <td>input</td>
            <td>{data.nTrain} (standardised)</td>
          </tr>
        ))}
        {tasks.map((t) => {
          const y = data.yTrain[t.id] ?? new Float32Array();
          const lab = y.filter((v) => !Number.isNaN(v));
          let summary: string;
          if (t.kind === 'regression') {
            const m = lab.reduce((a, v) => a + v, 0) / Math.max(1, lab.length);
            summary = `mean ${m.toFixed(2)} (standardised)`;
          } else {
            const k = t.kind === 'binary' ? 2 : t.classes;
            const counts = Array.from({ length: k }, (_, c) => lab.filter((v) => v === c).length);
            summary = `classes ${counts.join(' / ')}`;
          }
          return (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>target · {t.kind}</td>
              <td>
                {lab.length} labelled{lab.length < y.length ? `, ${y.length - lab.length} masked` : ''} · {summary}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
