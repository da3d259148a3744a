/** Geometric loss strategy, GLS (Chennupati et al. 2019): the geometric mean of the task losses. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 140,
  label: 'Geometric loss (GLS)',
  description: 'Minimises the geometric mean (Π Lₜ)^(1/T): task t weighs GLS/(T·Lₜ), favouring tasks with small losses less.',
  reference: 'Chennupati et al. (MultiNet++), CVPR Workshops 2019',
  params: [],
  needsGrads: false,
  losses: 'step',
  cost: 'loss-only',
};
