/** Residual block: two dense layers of the input width with a skip connection. */
import { ACTIVATIONS, FROZEN_PARAM, defineKind, needVector } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'residual',
  label: 'Residual block',
  description: 'Two dense layers of the input width with a skip: act(x + W₂·act(W₁·x + b₁) + b₂).',
  category: 'layer',
  order: 90,
  params: [{ key: 'activation', label: 'Activation', type: 'select', options: ACTIVATIONS, default: 'relu' }, FROZEN_PARAM],
  inputs: 'one',
  hasOutput: true,
  shape: (_p, inputs) => needVector(inputs) ?? [...inputs[0]],
});
