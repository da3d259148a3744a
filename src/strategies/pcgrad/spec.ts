/** PCGrad (Yu et al. 2020): conflicting gradients projected off each other. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 70,
  label: 'PCGrad',
  description: 'Projects each task gradient off the others it conflicts with (cosine < 0), in a random order.',
  reference: 'Yu et al., NeurIPS 2020',
  params: [],
  needsGrads: true,
  losses: 'none',
  cost: 'T backward passes',
};
