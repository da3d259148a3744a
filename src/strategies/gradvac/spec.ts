/** Gradient Vaccine, GradVac (Wang et al. 2021): pulls each pair of task gradients to its running-average cosine. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 210,
  label: 'GradVac',
  description: 'Like PCGrad, but raises each pair’s cosine to its running average target (EMA β) instead of to 0, in a seeded random order.',
  reference: 'Wang et al., ICLR 2021',
  params: [{ key: 'beta', label: 'EMA β', type: 'float', min: 0, max: 1, step: 0.01, default: 0.5 }],
  needsGrads: true,
  losses: 'none',
  cost: 'T backward passes',
};
