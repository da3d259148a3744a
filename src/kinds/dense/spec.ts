/** Dense: a fully connected layer over a vector. */
import { ACTIVATIONS, FROZEN_PARAM, defineKind, needVector } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'dense',
  label: 'Dense',
  description: 'Fully connected layer: activation(x·W + b).',
  category: 'layer',
  order: 10,
  params: [
    { key: 'units', label: 'Units', type: 'int', min: 1, max: 1024, default: 16 },
    { key: 'activation', label: 'Activation', type: 'select', options: ACTIVATIONS, default: 'relu' },
    FROZEN_PARAM,
  ],
  inputs: 'one',
  hasOutput: true,
  shape: (p, inputs) => needVector(inputs) ?? [Number(p.units)],
  summary: (p) => `${p.units} · ${p.activation}`,
});
