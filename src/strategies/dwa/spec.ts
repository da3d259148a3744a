/** Dynamic Weight Average (Liu, Johns & Davison 2019): weights from the last two epochs’ loss ratios. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 50,
  label: 'Dynamic Weight Average',
  description: 'Weights from each task’s loss ratio over the last two epochs, softened by a temperature.',
  reference: 'Liu, Johns & Davison, CVPR 2019',
  params: [{ key: 'temperature', label: 'Temperature T', type: 'float', min: 0.1, max: 10, step: 0.1, default: 2 }],
  needsGrads: false,
  losses: 'epoch',
  cost: 'loss-only',
};
