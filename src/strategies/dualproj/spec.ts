/** DualProj (TorchJD; GEM's projection, Lopez-Paz & Ranzato 2017): the mean gradient projected onto the dual cone. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 170,
  label: 'DualProj',
  description: 'Projects the mean gradient onto the dual cone of the task gradients (one small QP): the nearest direction that raises no loss.',
  reference: 'Lopez-Paz & Ranzato (GEM), NeurIPS 2017; TorchJD (Quinton & Rey, 2024)',
  params: [
    { key: 'normEps', label: 'Normalisation ε', type: 'float', min: 0, max: 1, step: 0.0001, default: 0.0001, help: 'a Gram trace below this reads as zero gradients' },
    { key: 'regEps', label: 'Regularisation ε', type: 'float', min: 0, max: 1, step: 0.0001, default: 0.0001, help: 'added to the normalised Gram diagonal so the QP is strictly convex' },
  ],
  needsGrads: true,
  losses: 'none',
  cost: 'T backward passes + QP',
};
