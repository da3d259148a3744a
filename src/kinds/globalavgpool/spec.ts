/** Global average pool: the mean of each channel over all positions of a map or a sequence. */
import { NEEDS_INPUT, defineKind, fmt } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'globalavgpool',
  label: 'Global avg pool',
  description: 'Averages each channel over all positions: [H×W×C] → [C] (or a sequence [L×D] → [D]).',
  category: 'layer',
  order: 120,
  params: [],
  inputs: 'one',
  hasOutput: true,
  shape: (_p, inputs) => {
    if (inputs.length === 0) return NEEDS_INPUT;
    const s = inputs[0];
    if (s.length !== 2 && s.length !== 3) return `expects an image [H×W×C] or a sequence [L×D], got ${fmt(s)}`;
    return [s[s.length - 1]];
  },
});
