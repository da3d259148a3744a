/** Test fixture (not a strategy of the app): a strategy folder the registry test adds to show it appears everywhere. */
import type { StrategySpec } from '../../../../model/weighting';

export const spec: StrategySpec = {
  order: 1000,
  label: 'Probe (test fixture)',
  description: 'Weights (1 + steps done)·gain·(last validation loss), to watch the hooks arrive.',
  reference: '—',
  params: [{ key: 'gain', label: 'Gain', type: 'float', min: 0, max: 10, step: 0.1, default: 0.5 }],
  needsGrads: false,
  losses: 'none',
  cost: 'loss-only',
};
