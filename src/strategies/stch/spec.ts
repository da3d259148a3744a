/** Smooth Tchebycheff scalarisation, STCH (Lin et al. 2024): a soft maximum of the normalised log losses. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 150,
  label: 'Smooth Tchebycheff (STCH)',
  description:
    'After a warm-up on Σ log Lₜ that records each task’s mean loss, minimises μ·log Σ exp(log(Lₜ/nadirₜ)/μ): a soft maximum that pushes the worst task.',
  reference: 'Lin et al., ICML 2024',
  params: [
    { key: 'mu', label: 'Smoothing μ', type: 'float', min: 0.01, max: 10, step: 0.01, default: 1 },
    { key: 'warmup', label: 'Warm-up epochs', type: 'int', min: 0, max: 100, default: 4, help: 'epochs on Σ log Lₜ; the last of them records the nadir point' },
  ],
  needsGrads: false,
  losses: 'step',
  cost: 'loss-only',
};
