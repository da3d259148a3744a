/** The selected fusion module's live table (cross-stitch α, MMoE/CGC mean gate weights) as a small heat map with numbers. */
import { memo } from 'react';
import type { NodeInspection } from '../../model';
import { cosineColour } from '../charts/ConflictView';

export const InspectionTable = memo(function InspectionTable({ table, step, live }: { table: NodeInspection; step: number; live: boolean }) {
  return (
    <figure className="inspection" data-testid="inspection">
      <figcaption>
        <strong>{table.title}</strong> · {live ? 'live' : 'last run'}, step {step}
      </figcaption>
      <table className="heatmap" data-testid="inspection-table">
        <thead>
          <tr>
            <th />
            {table.colLabels.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rowLabels.map((r, i) => (
            <tr key={r}>
              <th scope="row">{r}</th>
              {table.colLabels.map((c, j) => {
                const v = table.values[i * table.cols + j];
                return (
                  <td key={c} style={{ background: cosineColour(v) }} data-value={v} title={`${r} · ${c}: ${v}`}>
                    {v.toFixed(2)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{table.note}</p>
    </figure>
  );
});
