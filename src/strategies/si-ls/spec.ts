/** Scale-invariant linear scalarisation, SI-LS (the Nash-MTL paper's baseline): the sum of log losses. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 130,
  label: 'Scale-invariant LS (SI-LS)',
  description: 'Minimises Σ log Lₜ: each task’s gradient divided by its loss, so rescaling a loss changes nothing.',
  reference: 'Navon et al. (Nash-MTL baseline), ICML 2022',
  params: [],
  needsGrads: false,
  losses: 'step',
  cost: 'loss-only',
};
