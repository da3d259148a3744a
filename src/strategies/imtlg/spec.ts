/** IMTL-G (Liu et al. 2021): equal projections of the update on every task’s unit gradient. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 110,
  label: 'IMTL-G',
  description: 'Weights whose combined gradient has equal projections on every task’s unit gradient.',
  reference: 'Liu et al., ICLR 2021',
  params: [],
  needsGrads: true,
  losses: 'none',
  cost: 'T backward passes',
};
