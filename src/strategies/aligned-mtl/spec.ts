/** Aligned-MTL (Senushkin et al. 2023): the task gradients made orthogonal and of equal norm. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 190,
  label: 'Aligned-MTL',
  description: 'Aligns the principal components of the gradient system: orthogonal task directions, all scaled to the smallest singular value.',
  reference: 'Senushkin et al., CVPR 2023',
  params: [
    {
      key: 'on',
      label: 'Gradients of',
      type: 'select',
      options: ['parameters', 'representation'],
      default: 'parameters',
      help: 'parameters: the shared weights; representation: the shared layers’ output (Aligned-MTL-UB, the upper-bound variant)',
    },
  ],
  needsGrads: true,
  losses: 'none',
  cost: 'T backward passes',
};
