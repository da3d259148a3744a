/** Dropout: zeroes a seeded random share of the features while training. */
import { NEEDS_INPUT, defineKind } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'dropout',
  label: 'Dropout',
  description: 'Zeroes a random share of features while training (seeded).',
  category: 'layer',
  order: 20,
  params: [{ key: 'rate', label: 'Rate', type: 'float', min: 0, max: 0.9, step: 0.05, default: 0.1 }],
  inputs: 'one',
  hasOutput: true,
  shape: (_p, inputs) => (inputs.length === 0 ? NEEDS_INPUT : inputs[0]),
  summary: (p) => `rate ${p.rate}`,
});
