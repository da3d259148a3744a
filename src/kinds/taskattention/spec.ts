/** Task attention (MTAN-style): one learned soft mask per task over shared features. */
import { FROZEN_PARAM, NEEDS_INPUT, copies, defineKind, fmt, perTask } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'taskattention',
  label: 'Task attention (MTAN)',
  description: 'One learned soft mask per task over shared features: x ⊙ σ(W_t·x + b_t) + x (MTAN-style).',
  category: 'merge',
  order: 170,
  params: [FROZEN_PARAM],
  inputs: 'one',
  hasOutput: true,
  outputs: perTask,
  shape: (_p, inputs, ctx) => {
    if (inputs.length === 0) return NEEDS_INPUT;
    const s = inputs[0];
    if (s.length !== 1 && s.length !== 3) return `expects a vector [D] or a feature map [H×W×C], got ${fmt(s)}`;
    return copies(s, ctx);
  },
  baseline: 'own-output',
});
