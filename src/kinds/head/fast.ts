/** Task head kernel: x·W + b with a linear output (the losses take logits), laid out like Dense. */
import { headUnits } from '../../model/nodes/spec';
import type { FastKernel } from '../../train/fast/kernel';
import { denseLayer } from '../dense/fast';

export const kernel: FastKernel = (ctx) => {
  const task = ctx.tasks.find((t) => t.id === ctx.params.taskId);
  if (!task) throw new Error(`Head ${ctx.id} has no task.`);
  return denseLayer(ctx, headUnits(task), 'linear');
};
