/** A run's metrics as CSV: one row per evaluation step. */
import { csvField as field, type TaskSpec } from '../model';
import type { MetricPoint } from '../protocol';

/**
 * Header `step,total_loss,` then per task `{id}_train_loss,{id}_val_loss,{id}_{accuracy|rmse},{id}_weight`; one line per
 * point, "\n"-terminated. Non-finite numbers are written as empty fields; formula-like task ids are neutralised (csvField).
 */
export function metricsCsv(tasks: TaskSpec[], points: MetricPoint[]): string {
  const head = ['step', 'total_loss'];
  for (const t of tasks) head.push(`${t.id}_train_loss`, `${t.id}_val_loss`, `${t.id}_${t.kind === 'regression' ? 'rmse' : 'accuracy'}`, `${t.id}_weight`);
  const lines = [head.map(field).join(',')];
  for (const p of points) {
    const row: (string | number)[] = [p.step, p.totalLoss];
    tasks.forEach((_, i) => {
      const tp = p.tasks[i];
      row.push(tp?.trainLoss ?? NaN, tp?.valLoss ?? NaN, tp?.metric ?? NaN, p.weights[i] ?? NaN);
    });
    lines.push(row.map(field).join(','));
  }
  return lines.join('\n') + '\n';
}
