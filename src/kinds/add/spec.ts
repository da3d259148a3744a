/** Add: element-wise sum of equally shaped inputs. */
import { defineKind, fmt } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'add',
  label: 'Add',
  description: 'Element-wise sum of several inputs of the same shape.',
  category: 'merge',
  order: 40,
  params: [],
  inputs: 'many',
  hasOutput: true,
  shape: (_p, inputs) => {
    if (inputs.length === 0) return 'needs at least one input edge';
    const first = inputs[0];
    const bad = inputs.find((s) => s.length !== first.length || s.some((d, i) => d !== first[i]));
    if (bad) return `inputs must all have the same shape, got ${fmt(first)} and ${fmt(bad)}`;
    return [...first];
  },
});
