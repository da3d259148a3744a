/** Equal weighting: every task weighs 1, the baseline the other strategies are measured against. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 10,
  label: 'Equal',
  description: 'Every task weighs 1: loss = Σ Lᵢ.',
  reference: '—',
  params: [],
  needsGrads: false,
  losses: 'none',
  cost: 'loss-only',
};
