/** ExcessMTL (He et al. 2024): loss weights raised for the tasks with the largest estimated excess risk. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 260,
  label: 'ExcessMTL',
  description:
    'Estimates each task’s excess risk from its gradient with AdaGrad-style scaling and raises the weights of the tasks furthest from convergence. Reads the gradient vectors (costs more).',
  reference: 'He et al., ICML 2024',
  params: [{ key: 'stepSize', label: 'Robust step size', type: 'float', min: 0, max: 1, step: 0.001, default: 0.01 }],
  needsGrads: true,
  losses: 'none',
  cost: 'T backward passes + gradient vectors',
  gradVectors: true,
};
