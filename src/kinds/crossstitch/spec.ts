/** Cross-stitch unit (Misra et al. 2016): mixes one stream per task with a learned T×T matrix. */
import { FROZEN_PARAM, copies, defineKind, needStreams, perTask } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'crossstitch',
  label: 'Cross-stitch unit',
  description: 'Mixes one stream per task: out_i = Σ_j a_ij·x_j with a learned T×T matrix (Misra et al. 2016).',
  category: 'merge',
  order: 160,
  params: [FROZEN_PARAM],
  inputs: 'many',
  hasOutput: true,
  outputs: perTask,
  shape: (_p, inputs, ctx) => needStreams(inputs, ctx, false) ?? copies(inputs[0], ctx),
  baseline: 'bypass',
});
