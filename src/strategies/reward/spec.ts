/** Reward-driven online alignment: lagging tasks gain weight at each evaluation. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 120,
  label: 'Reward-driven online alignment',
  description: 'At each evaluation, tasks whose validation loss improved least gain weight (exponentiated gradient).',
  reference: 'online-aligned-adaptation idea; exponentiated-gradient update',
  params: [{ key: 'eta', label: 'Step size η', type: 'float', min: 0, max: 20, step: 0.1, default: 2 }],
  needsGrads: false,
  losses: 'none',
  cost: 'loss-only',
};
