/** LayerNorm: normalises each example over its last axis, with a learned gain and bias. */
import { FROZEN_PARAM, defineKind, normalisedShape } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'layernorm',
  label: 'LayerNorm',
  description: 'Normalises each example over its last axis, then applies a learned gain and bias.',
  category: 'layer',
  order: 70,
  params: [FROZEN_PARAM],
  inputs: 'one',
  hasOutput: true,
  shape: (_p, inputs) => normalisedShape(inputs),
});

/** The variance's ε (both engines). */
export const LAYERNORM_EPS = 1e-5;
