/** Nash-MTL (Navon et al. 2022): the bargaining solution over the task gradients. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 100,
  label: 'Nash-MTL',
  description: 'Bargaining solution: weights α with (GᵀG)α = 1/α, so every task gains proportionally.',
  reference: 'Navon et al., ICML 2022',
  params: [],
  needsGrads: true,
  losses: 'none',
  cost: 'T backward passes + QP',
};
