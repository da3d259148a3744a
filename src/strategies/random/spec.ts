/** Random loss weighting, RLW (Lin et al. 2022): fresh seeded random weights every step. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 60,
  label: 'Random (RLW)',
  description: 'Fresh random weights every step: softmax of a standard normal draw (seeded).',
  reference: 'Lin et al., TMLR 2022',
  params: [],
  needsGrads: false,
  losses: 'none',
  cost: 'loss-only',
};
