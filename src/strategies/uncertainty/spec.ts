/** Uncertainty weighting (Kendall, Gal & Cipolla 2018): learned per-task log-variances. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 30,
  label: 'Uncertainty',
  description: 'Learns a log-variance sᵢ per task: loss = Σ Lᵢ/(2e^sᵢ) + sᵢ/2.',
  reference: 'Kendall, Gal & Cipolla, CVPR 2018',
  params: [],
  needsGrads: false,
  losses: 'step',
  cost: 'loss-only',
};
