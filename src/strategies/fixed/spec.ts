/** Fixed weights: the static per-task weights the user sets (cfg.weights). */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 20,
  label: 'Fixed weights (α/β)',
  description: 'Static per-task weights you choose: loss = Σ wᵢ·Lᵢ.',
  reference: '—',
  params: [],
  needsGrads: false,
  losses: 'none',
  userWeights: true,
  cost: 'loss-only',
};
