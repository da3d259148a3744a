/** MoCo (Fernando et al. 2023): MGDA on tracked (moving-average) gradients, with a stochastic weight update. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 270,
  label: 'MoCo',
  description:
    'Tracks each task’s loss-scaled unit gradient with a moving average and moves the weights by one softmax step on the tracked gradients’ min-norm problem. Reads the gradient vectors (costs more).',
  reference: 'Fernando et al., ICLR 2023',
  params: [
    { key: 'beta', label: 'Tracking rate β', type: 'float', min: 0, max: 1, step: 0.01, default: 0.5 },
    { key: 'betaSigma', label: 'β decay σ', type: 'float', min: 0, max: 2, step: 0.05, default: 0.5 },
    { key: 'gamma', label: 'Weight step γ', type: 'float', min: 0, max: 10, step: 0.01, default: 0.1 },
    { key: 'gammaSigma', label: 'γ decay σ', type: 'float', min: 0, max: 2, step: 0.05, default: 0.5 },
    { key: 'rho', label: 'Regularisation ρ', type: 'float', min: 0, max: 10, step: 0.01, default: 0 },
  ],
  needsGrads: true,
  losses: 'step',
  cost: 'T backward passes + gradient vectors',
  gradVectors: true,
};
