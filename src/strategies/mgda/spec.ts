/** MGDA-UB (Sener & Koltun 2018): the min-norm point of the task gradients’ convex hull. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 80,
  label: 'MGDA-UB',
  description: 'Min-norm point of the convex hull of task gradients (Frank–Wolfe; closed form for two tasks).',
  reference: 'Sener & Koltun, NeurIPS 2018',
  params: [
    { key: 'normalize', label: 'Gradient normalisation', type: 'select', options: ['none', 'l2', 'loss', 'loss+'], default: 'none' },
    {
      key: 'on',
      label: 'Gradients of',
      type: 'select',
      options: ['parameters', 'representation'],
      default: 'parameters',
      help: 'parameters: the shared weights; representation: the shared layers’ output (the “upper bound” of MGDA-UB)',
    },
  ],
  needsGrads: true,
  losses: 'step',
  cost: 'T backward passes + QP',
};
