/** Task head: the final layer of one task (logits for classification, a value for regression). Listed last in the palette. */
import { FROZEN_PARAM, defineKind, headUnits, needVector } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'head',
  label: 'Task head',
  description: 'Final layer for one task: logits for classification, a value for regression.',
  category: 'head',
  order: 1000,
  params: [{ key: 'taskId', label: 'Task', type: 'task', default: '' }, FROZEN_PARAM],
  inputs: 'one',
  hasOutput: false,
  shape: (p, inputs, ctx) => {
    const err = needVector(inputs);
    if (err) return err;
    const task = ctx.tasks.find((t) => t.id === p.taskId);
    if (!task) return 'choose a task for this head';
    return [headUnits(task)];
  },
  summary: (p, tasks) => {
    const t = tasks.find((x) => x.id === p.taskId);
    return t ? `${t.name} (${t.kind})` : 'no task';
  },
});
