/** Task weights over time, and how the tasks' gradients on the shared parameters agree (cosine heatmap, norms, conflict share). */
import { memo, useMemo, useRef } from 'react';
import type { TaskSpec } from '../../model';
import type { MetricPoint } from '../../state';
import { CLASS_COLOURS } from '../panels/ScatterPreview';
import { LineCanvas, type Series } from './LineCanvas';
import { fmtNum } from './ticks';
import { PngButton, tableSource } from './PngButton';
import { Explain } from '../common/Explain';

/** Red for −1, white for 0, blue for +1. */
export function cosineColour(c: number): string {
  const [r, g, b] = cosineRgb(c);
  return `rgb(${r},${g},${b})`;
}

/** Red for conflict (−1), white for orthogonal (0), blue for aligned (+1); the strong ends dark enough for white text. */
function cosineRgb(c: number): [number, number, number] {
  const t = Math.max(-1, Math.min(1, c));
  const k = Math.round(255 * (1 - Math.abs(t)));
  return t < 0 ? [Math.round(200 + 55 * (1 + t)), k, k] : [k, Math.round(100 + 155 * (1 - t)), Math.round(200 + 55 * (1 - t))];
}

/** Black or white, whichever reads at WCAG AA (4.5:1) on the cell's colour: black from relative luminance 0.18 up. */
export function cosineText(c: number): string {
  const lin = (v: number) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = cosineRgb(c);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) >= 0.18 ? '#000' : '#fff';
}

export const WeightsChart = memo(function WeightsChart({ tasks, points }: { tasks: TaskSpec[]; points: MetricPoint[] }) {
  const { xs, series } = useMemo(() => {
    const s: Series[] = tasks.map((t, i) => ({ key: t.id, label: t.name, colour: CLASS_COLOURS[i % CLASS_COLOURS.length], ys: Float64Array.from(points, (p) => p.weights[i]) }));
    return { xs: Float64Array.from(points, (p) => p.step), series: s };
  }, [points, tasks]);
  return (
    <figure className="chart" data-testid="chart-weights">
      <figcaption>
        <strong>Task weights</strong> · coefficient of each task’s gradient on the shared layers
      </figcaption>
      <LineCanvas xs={xs} series={series} testId="canvas-weights" pngName="task-weights" pngTitle="Task weights on the shared layers" yLabel="weight" />
    </figure>
  );
});

export const ConflictView = memo(function ConflictView({ tasks, points }: { tasks: TaskSpec[]; points: MetricPoint[] }) {
  const withConflict = points.filter((p) => p.conflict);
  const latest = withConflict.at(-1)?.conflict ?? null;
  const measured = withConflict.reduce((a, p) => a + p.conflict!.measured, 0);
  const conflicting = withConflict.reduce((a, p) => a + p.conflict!.conflicting, 0);
  const maxNorm = latest ? Math.max(...latest.norms, 1e-12) : 1;
  const tableRef = useRef<HTMLTableElement>(null);
  return (
    <figure className="chart conflict" data-testid="conflict-view" data-measured={measured}>
      <figcaption>
        <strong>Gradient conflict</strong> · shared layers <Explain concept="conflict" />
        {latest && (
          <PngButton
            source={() => tableSource(tableRef.current)}
            meta={{ title: `Gradient conflict on the shared layers: cosine between tasks' gradients`, xLabel: 'task', yLabel: 'task' }}
            name="gradient-conflict"
            testId="png-conflict"
          />
        )}
      </figcaption>
      {!latest ? (
        <p className="hint">No shared parameters measured yet (a graph without shared layers has no conflict to show).</p>
      ) : (
        <div className="conflict-body">
          <table ref={tableRef} className="heatmap" data-testid="conflict-heatmap" aria-label="Cosine similarity between task gradients">
            <thead>
              <tr>
                <th />
                {tasks.map((t) => (
                  <th key={t.id}>{t.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tasks.map((t, i) => (
                <tr key={t.id}>
                  <th>{t.name}</th>
                  {tasks.map((u, j) => (
                    <td key={u.id} style={{ background: cosineColour(latest.cosine[i][j]), color: cosineText(latest.cosine[i][j]) }} data-cos={latest.cosine[i][j]} title={`cos(${t.name}, ${u.name})`}>
                      {latest.cosine[i][j].toFixed(2)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="norms">
            {tasks.map((t, i) => (
              <div key={t.id} className="norm-row" title="‖gradient‖ on the shared parameters">
                <span>{t.name}</span>
                <i style={{ width: `${(latest.norms[i] / maxNorm) * 100}%`, background: CLASS_COLOURS[i % CLASS_COLOURS.length] }} />
                <em>{fmtNum(latest.norms[i])}</em>
              </div>
            ))}
            <p className="hint" data-testid="conflict-share">
              Conflicting steps (some pair with cosine &lt; 0): {conflicting} of {measured} measured ({measured ? ((100 * conflicting) / measured).toFixed(0) : 0}%).
            </p>
          </div>
        </div>
      )}
    </figure>
  );
});
