/** Cross-task enhancement (CARE-style): each task stream attends to the other tasks' streams. */
import { FROZEN_PARAM, copies, defineKind, needStreams, perTask } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'care',
  label: 'Cross-task enhancement',
  description: 'Each task stream attends (softmax over dot products) to the other tasks’ streams and adds the result back (CARE-style).',
  category: 'merge',
  order: 210,
  params: [FROZEN_PARAM],
  inputs: 'many',
  hasOutput: true,
  outputs: perTask,
  shape: (_p, inputs, ctx) => needStreams(inputs, ctx, true) ?? copies(inputs[0], ctx),
  baseline: 'bypass',
});
