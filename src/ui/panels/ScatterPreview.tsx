/** Canvas scatter of the training points, coloured by one task's label (class colours, or a diverging ramp for regression). */
import { useEffect, useRef } from 'react';
import type { DatasetArrays, TaskSpec } from '../../model';
import { useCanvasTheme } from '../charts/theme';

/** The ring of a training point whose label the budget hides. */
const UNLABELLED = '#9aa3ad';

export const CLASS_COLOURS = ['#2f6fde', '#f0883e', '#2bb673', '#c23cc4', '#d1453b', '#8c6d1f', '#0fa3b1', '#666'];

/** Colour for a standardised regression value: blue (low) → white → orange (high). */
export function rampColour(v: number): string {
  const t = Math.max(-1, Math.min(1, v / 2));
  const mix = (a: number, b: number, k: number) => Math.round(a + (b - a) * k);
  return t < 0 ? `rgb(${mix(255, 47, -t)},${mix(255, 111, -t)},${mix(255, 222, -t)})` : `rgb(${mix(255, 240, t)},${mix(255, 136, t)},${mix(255, 62, t)})`;
}

export function ScatterPreview({ data, task, size = 120 }: { data: DatasetArrays; task: TaskSpec; size?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const theme = useCanvasTheme();
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, size, size);
    ctx.fillStyle = theme.plot;
    ctx.fillRect(0, 0, size, size);
    const y = data.yTrain[task.id];
    ctx.strokeStyle = theme.pointEdge;
    ctx.lineWidth = 0.5;
    const px = (v: number) => ((v + 1.2) / 2.4) * size;
    const dot = (i: number) => {
      ctx.beginPath();
      ctx.arc(px(data.xTrain[2 * i]), size - px(data.xTrain[2 * i + 1]), 2.2, 0, 2 * Math.PI);
    };
    // Rows the label budget hides (NaN) are what the model never sees: small grey rings, drawn under the labelled ones.
    ctx.strokeStyle = UNLABELLED;
    ctx.lineWidth = 0.8;
    for (let i = 0; i < data.nTrain; i++) if (Number.isNaN(y[i])) (dot(i), ctx.stroke());
    ctx.strokeStyle = theme.pointEdge;
    ctx.lineWidth = 0.5;
    for (let i = 0; i < data.nTrain; i++) {
      if (Number.isNaN(y[i])) continue;
      ctx.fillStyle = task.kind === 'regression' ? rampColour(y[i]) : CLASS_COLOURS[y[i] % CLASS_COLOURS.length];
      dot(i);
      ctx.fill();
      if (task.kind === 'regression') ctx.stroke();
    }
  }, [data, task, size, theme]);
  let hidden = 0;
  const y = data.yTrain[task.id];
  for (let i = 0; i < data.nTrain; i++) if (Number.isNaN(y[i])) hidden++;
  const label = `Training points coloured by ${task.name}${hidden ? `; ${hidden} of ${data.nTrain} unlabelled (grey rings)` : ''}`;
  return <canvas ref={ref} width={size} height={size} data-testid={`preview-${task.id}`} data-unlabelled={hidden} aria-label={label} />;
}
