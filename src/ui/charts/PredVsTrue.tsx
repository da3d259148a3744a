/** Predicted against true values of a regression task on the validation set, with RMSE and R². */
import { memo, useEffect, useMemo, useRef } from 'react';
import type { TaskSpec } from '../../model';
import { r2, rmseOf } from './insightMath';
import { canvasSource, PngButton } from './PngButton';
import { useCanvasTheme } from './theme';
import { fmtNum } from './ticks';

export const PredVsTrue = memo(function PredVsTrue({ task, pred, truth, size = 192 }: { task: TaskSpec; pred: Float32Array; truth: Float32Array; size?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const stats = useMemo(() => ({ rmse: rmseOf(truth, pred), r2: r2(truth, pred) }), [truth, pred]);
  const theme = useCanvasTheme();
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    let lo = Infinity;
    let hi = -Infinity;
    for (const a of [truth, pred]) for (const v of a) if (Number.isFinite(v)) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
    if (!(hi > lo)) (lo -= 1), (hi += 1);
    const pad = 0.05 * (hi - lo);
    lo -= pad;
    hi += pad;
    const px = (v: number) => ((v - lo) / (hi - lo)) * size;
    ctx.fillStyle = theme.plot;
    ctx.fillRect(0, 0, size, size);
    ctx.strokeStyle = theme.axis;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(0, size);
    ctx.lineTo(size, 0);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = theme.dark ? 'rgba(122,167,255,0.7)' : 'rgba(47,111,222,0.55)';
    for (let i = 0; i < truth.length; i++) {
      ctx.beginPath();
      ctx.arc(px(truth[i]), size - px(pred[i]), 2, 0, 2 * Math.PI);
      ctx.fill();
    }
  }, [truth, pred, size, theme]);
  return (
    <figure className="chart pred-true" data-testid={`pred-true-${task.id}`} data-rmse={stats.rmse} data-r2={stats.r2}>
      <figcaption>
        <strong>{task.name}</strong> · predicted (up) vs true (right), validation
        <span className="chart-stats">
          RMSE {fmtNum(stats.rmse)} · R² {Number.isFinite(stats.r2) ? stats.r2.toFixed(3) : '—'}
        </span>
        <PngButton
          source={() => canvasSource(ref.current)}
          meta={{ title: `${task.name}: predicted vs true (validation), RMSE ${fmtNum(stats.rmse)}`, xLabel: 'true value', yLabel: 'predicted value' }}
          name={`${task.name}-predicted-vs-true`}
          testId={`png-pred-true-${task.id}`}
        />
      </figcaption>
      <canvas ref={ref} width={size} height={size} aria-label={`Predicted against true ${task.name}`} />
    </figure>
  );
});
