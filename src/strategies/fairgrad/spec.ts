/** FairGrad (Ban & Ji 2024): α-fair resource allocation among the tasks’ gradients. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 200,
  label: 'FairGrad',
  description: 'α-fair allocation: weights w with (GᵀG)w = w^(−1/α); α = 1 is proportional fairness (Nash-MTL), large α favours the worst task.',
  reference: 'Ban & Ji, ICML 2024',
  params: [{ key: 'alpha', label: 'Fairness α', type: 'float', min: 0.1, max: 10, step: 0.1, default: 1 }],
  needsGrads: true,
  losses: 'none',
  cost: 'T backward passes + QP',
};
