/** MoDo (Chen et al. 2023): MGDA weights tracked by one stochastic projected step per update. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 230,
  label: 'MoDo',
  description:
    'Keeps simplex weights λ and moves them one projected step λ ← Π(λ − γ(GᵀGλ + ρλ)) per update, then follows Σλg. One batch stands in for the paper’s three samples.',
  reference: 'Chen et al., NeurIPS 2023',
  params: [
    { key: 'gamma', label: 'Weight step γ', type: 'float', min: 0, max: 1, step: 0.0001, default: 0.001 },
    { key: 'rho', label: 'Regularisation ρ', type: 'float', min: 0, max: 10, step: 0.01, default: 0.1 },
  ],
  needsGrads: true,
  losses: 'none',
  cost: 'T backward passes',
};
