/** Task head builder: x·W + b with a linear output (the losses take logits, or the raw regression value). */
import { headUnits } from '../../model/nodes/spec';
import { denseForward, denseVariables, type NodeBuilder } from '../../train/layers/common';

export const builder: NodeBuilder = (ctx) => {
  const task = ctx.tasks.find((t) => t.id === ctx.params.taskId);
  if (!task) throw new Error(`Head ${ctx.node.id} has no task.`);
  const [w, b] = denseVariables(ctx, headUnits(task));
  return { variables: [w, b], forward: (inputs, training) => denseForward(inputs[0], w, b, 'linear', training) };
};
