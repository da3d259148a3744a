/** ConFIG (Liu et al. 2025; TorchJD's ConFIG): the direction with equal cosine to every task gradient. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 180,
  label: 'ConFIG',
  description: 'Moves along the unit direction that has the same cosine with every task gradient, scaled by the sum of the gradients’ projections on it.',
  reference: 'Liu, Chu & Thuerey, ICLR 2025',
  params: [],
  needsGrads: true,
  losses: 'none',
  cost: 'T backward passes',
};
