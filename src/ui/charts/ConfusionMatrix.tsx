/** Confusion matrix of a classification task on the validation set: rows are true classes, columns predicted ones. */
import { memo, useMemo, useRef } from 'react';
import { arrayMax, type TaskSpec } from '../../model';
import { readoutClass } from '../../state';
import { confusionMatrix } from './insightMath';
import { TablePngButton } from './PngButton';

export const ConfusionMatrix = memo(function ConfusionMatrix({ task, pred, truth }: { task: TaskSpec; pred: Float32Array; truth: Float32Array }) {
  const C = task.kind === 'multiclass' ? task.classes : 2;
  const m = useMemo(() => confusionMatrix(truth, Array.from(pred, (v) => readoutClass(task.kind, v)), C), [truth, pred, task.kind, C]);
  const total = m.flat().reduce((a, b) => a + b, 0);
  const right = m.reduce((a, row, i) => a + row[i], 0);
  const max = Math.max(1, arrayMax(m.flat()));
  const tableRef = useRef<HTMLTableElement>(null);
  return (
    <figure className="chart confusion" data-testid={`confusion-${task.id}`} data-total={total}>
      <figcaption>
        <strong>{task.name}</strong> · confusion matrix (validation)
        <span className="chart-stats">
          accuracy {total ? ((100 * right) / total).toFixed(1) : '—'}% of {total}
        </span>
        <TablePngButton table={() => tableRef.current} name={`confusion-${task.name}`} testId={`png-confusion-${task.id}`} />
      </figcaption>
      <table className="cm" ref={tableRef}>
        <thead>
          <tr>
            <th title="rows: true class, columns: predicted class">true \ pred</th>
            {m.map((_, j) => (
              <th key={j}>{j}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {m.map((row, i) => (
            <tr key={i}>
              <th>{i}</th>
              {row.map((v, j) => (
                <td
                  key={j}
                  data-testid="cm-cell"
                  data-count={v}
                  style={{ background: i === j ? `rgba(43,182,115,${(0.15 + (0.75 * v) / max).toFixed(2)})` : `rgba(209,69,59,${((0.7 * v) / max).toFixed(2)})` }}
                >
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
});
