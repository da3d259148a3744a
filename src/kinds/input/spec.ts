/** Input: the dataset features, one row per example (the graph's only source). */
import { defineKind } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'input',
  label: 'Input',
  description: 'The dataset features, one row per example.',
  category: 'io',
  order: 0,
  params: [],
  inputs: 'none',
  hasOutput: true,
  shape: (_p, _i, ctx) => [ctx.inputDim],
});
