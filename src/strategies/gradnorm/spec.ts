/** GradNorm (Chen et al. 2018): weights learned to balance the tasks’ gradient norms. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 40,
  label: 'GradNorm',
  description: 'Learns weights so that each task’s gradient norm tracks its relative training rate.',
  reference: 'Chen et al., ICML 2018',
  params: [
    { key: 'alpha', label: 'α (restoring force)', type: 'float', min: 0, max: 5, step: 0.1, default: 1.5 },
    { key: 'lr', label: 'Weight learning rate', type: 'float', min: 1e-4, max: 1, step: 0.001, default: 0.025 },
  ],
  needsGrads: true,
  losses: 'step',
  cost: 'T backward passes',
};
