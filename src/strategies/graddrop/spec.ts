/** GradDrop (Chen et al. 2020): per coordinate, keep only the gradients of the sign drawn by their purity. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 280,
  label: 'GradDrop',
  description:
    'Per shared parameter, draws a sign with probability given by the tasks’ sign purity and drops the gradients of the other sign (seeded). Reads the gradient vectors (costs more).',
  reference: 'Chen et al., NeurIPS 2020',
  params: [{ key: 'leak', label: 'Leak', type: 'float', min: 0, max: 1, step: 0.05, default: 0, help: 'the share of a dropped gradient that still passes' }],
  needsGrads: true,
  losses: 'none',
  cost: 'T backward passes + gradient vectors',
  gradVectors: true,
};
