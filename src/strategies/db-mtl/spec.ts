/** DB-MTL (Lin et al. 2023): dual balancing, log losses plus gradients rescaled to the largest norm. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 250,
  label: 'DB-MTL',
  description:
    'Dual balancing: trains on log losses and scales each task’s running-average gradient to the largest norm. Reads the gradient vectors (costs more).',
  reference: 'Lin et al. (Dual-Balancing), arXiv 2023',
  params: [
    { key: 'beta', label: 'EMA β', type: 'float', min: 0, max: 1, step: 0.01, default: 0.9 },
    { key: 'betaSigma', label: 'β decay σ', type: 'float', min: 0, max: 2, step: 0.05, default: 0, help: 'the EMA weight at step k is β/k^σ' },
  ],
  needsGrads: true,
  losses: 'step',
  cost: 'T backward passes + gradient vectors',
  gradVectors: true,
};
