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
/** Cross-stitch initial matrix: 0.9 on the diagonal, 0.1/(T−1) elsewhere (rows sum to 1); [[1]] for one task. */
export function crossStitchInit(t: number): Float32Array {
  const a = new Float32Array(t * t);
  for (let i = 0; i < t; i++) for (let j = 0; j < t; j++) a[i * t + j] = t === 1 ? 1 : i === j ? 0.9 : 0.1 / (t - 1);
  return a;
}

/** The cross-stitch inspection table's title and reading note (both engines show it). */
export const CROSS_STITCH_TABLE = {
  title: 'Mixing matrix α',
  note: 'Row i is output i (task i); column j is input stream j, in edge order: out_i = Σ_j α_ij·in_j. Starts at 0.9 on the diagonal.',
};
