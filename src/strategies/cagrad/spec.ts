/** CAGrad (Liu et al. 2021): the conflict-averse direction near the average gradient. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 90,
  label: 'CAGrad',
  description: 'Conflict-averse direction: the average gradient, moved within a ball of radius c·‖g₀‖ to raise the worst task.',
  reference: 'Liu et al., NeurIPS 2021',
  params: [{ key: 'c', label: 'c', type: 'float', min: 0, max: 1, step: 0.05, default: 0.4 }],
  needsGrads: true,
  losses: 'none',
  cost: 'T backward passes + QP',
};
