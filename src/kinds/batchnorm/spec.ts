/** BatchNorm: normalises each feature (channel) over the batch, with running statistics for evaluation. */
import { FROZEN_PARAM, defineKind, normalisedShape } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'batchnorm',
  label: 'BatchNorm',
  description: 'Normalises each feature (channel) over the batch; running averages are used at evaluation.',
  category: 'layer',
  order: 80,
  params: [
    {
      key: 'momentum',
      label: 'Momentum',
      type: 'float',
      min: 0,
      max: 0.999,
      step: 0.001,
      default: 0.99,
      help: 'running stat ← momentum·running + (1 − momentum)·batch stat',
    },
    FROZEN_PARAM,
  ],
  inputs: 'one',
  hasOutput: true,
  shape: (_p, inputs) => normalisedShape(inputs),
});

/** The variance's ε (both engines). */
export const BATCHNORM_EPS = 1e-3;
