/** Concatenate: joins feature vectors end to end, in incoming-edge order. */
import { defineKind, fmt } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'concat',
  label: 'Concatenate',
  description: 'Joins several feature vectors end to end.',
  category: 'merge',
  order: 30,
  params: [],
  inputs: 'many',
  hasOutput: true,
  shape: (_p, inputs) => {
    if (inputs.length === 0) return 'needs at least one input edge';
    const bad = inputs.find((s) => s.length !== 1);
    if (bad) return `can only join vectors, got ${fmt(bad)}; add a Flatten`;
    return [inputs.reduce((a, s) => a + s[0], 0)];
  },
});
