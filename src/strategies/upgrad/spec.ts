/** UPGrad (Quinton & Rey 2024, TorchJD): every task gradient projected onto the dual cone, then averaged. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 160,
  label: 'UPGrad',
  description: 'Projects each task’s gradient onto the dual cone of all of them (a small QP each) and averages: no task’s loss goes up.',
  reference: 'Quinton & Rey (Jacobian Descent, TorchJD), arXiv 2024',
  params: [
    { key: 'normEps', label: 'Normalisation ε', type: 'float', min: 0, max: 1, step: 0.0001, default: 0.0001, help: 'a Gram trace below this reads as zero gradients' },
    { key: 'regEps', label: 'Regularisation ε', type: 'float', min: 0, max: 1, step: 0.0001, default: 0.0001, help: 'added to the normalised Gram diagonal so the QP is strictly convex' },
  ],
  needsGrads: true,
  losses: 'none',
  cost: 'T backward passes + QP',
};
