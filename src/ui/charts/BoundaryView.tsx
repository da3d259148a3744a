/** A task's decision boundary: the model's readout over a grid of the input plane as a heatmap, training points on top. */
import { memo, useEffect, useRef } from 'react';
import type { DatasetArrays, TaskSpec } from '../../model';
import type { BoundaryGrid } from '../../state';
import { CLASS_COLOURS, rampColour } from '../panels/ScatterPreview';
import { canvasSource, PngButton } from './PngButton';

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
/** a class colour mixed with white: the point colours stay readable on top */
const pale = (rgb: number[], k = 0.55) => rgb.map((v) => Math.round(v + (255 - v) * k));
const css = (rgb: number[]) => `rgb(${rgb.join(',')})`;

/** Cell colour for one readout value: binary P(class 1) blends the two class colours, multiclass takes its class colour, regression the ramp. */
function cellColour(kind: TaskSpec['kind'], v: number): string {
  if (kind === 'regression') return rampColour(v);
  if (kind === 'multiclass') return css(pale(hex(CLASS_COLOURS[Math.round(v) % CLASS_COLOURS.length])));
  const a = hex(CLASS_COLOURS[0]);
  const b = hex(CLASS_COLOURS[1]);
  return css(pale(a.map((x, i) => x + (b[i] - x) * v)));
}

export const BoundaryView = memo(function BoundaryView({ task, index, boundary, data, size = 192 }: { task: TaskSpec; index: number; boundary: BoundaryGrid; data: DatasetArrays | null; size?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    const values = boundary.values[index];
    if (!canvas || !ctx || !values) return;
    const { size: g, lo, hi } = boundary.grid;
    const cell = size / g;
    for (let r = 0; r < g; r++)
      for (let c = 0; c < g; c++) {
        ctx.fillStyle = cellColour(task.kind, values[r * g + c]);
        // Overlap by a pixel fraction so no seams show between cells.
        ctx.fillRect(c * cell, r * cell, cell + 0.5, cell + 0.5);
      }
    if (data && data.inputDim === 2) {
      const y = data.yTrain[task.id];
      const px = (v: number) => ((v - lo) / (hi - lo)) * size;
      // Regression points share the heatmap's ramp: a dark rim keeps them visible.
      ctx.strokeStyle = task.kind === 'regression' ? 'rgba(0,0,0,0.45)' : 'rgba(255,255,255,0.9)';
      ctx.lineWidth = 0.8;
      for (let i = 0; i < data.nTrain && y; i++) {
        ctx.fillStyle = task.kind === 'regression' ? rampColour(y[i]) : CLASS_COLOURS[y[i] % CLASS_COLOURS.length];
        ctx.beginPath();
        ctx.arc(px(data.xTrain[2 * i]), size - px(data.xTrain[2 * i + 1]), 2, 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
      }
    }
    canvas.dataset.step = String(boundary.step);
  }, [boundary, index, task, data, size]);
  const what = task.kind === 'binary' ? 'P(class 1)' : task.kind === 'multiclass' ? 'predicted class' : 'predicted value';
  return (
    <figure className="chart boundary" data-testid={`boundary-fig-${task.id}`}>
      <figcaption>
        <strong>{task.name}</strong> · {what} over the input plane
        <span className="chart-stats">step {boundary.step}</span>
        <PngButton
          source={() => canvasSource(ref.current)}
          meta={{ title: `${task.name}: ${what} over the input plane, step ${boundary.step}`, xLabel: 'x₁', yLabel: 'x₂' }}
          name={`${task.name}-boundary`}
          testId={`png-boundary-${task.id}`}
        />
      </figcaption>
      <canvas ref={ref} width={size} height={size} data-testid={`boundary-${task.id}`} aria-label={`Decision boundary of ${task.name}`} />
    </figure>
  );
});
