/** SDMGrad (Xiao et al. 2023): MGDA regularised towards the mean gradient, weights by projected gradient steps. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 220,
  label: 'SDMGrad',
  description:
    'Direction-oriented MGDA: weights w on the simplex minimise ½‖Σwg‖² + λ·(Σwg)·ḡ by a few projected steps, update (Σwg + λḡ)/(1+λ). One batch stands in for the paper’s three samples.',
  reference: 'Xiao, Ban & Ji, NeurIPS 2023',
  params: [
    { key: 'lambda', label: 'λ (pull to the mean)', type: 'float', min: 0, max: 10, step: 0.05, default: 0.3 },
    { key: 'niter', label: 'Weight iterations', type: 'int', min: 1, max: 200, default: 20 },
  ],
  needsGrads: true,
  losses: 'none',
  cost: 'T backward passes + QP',
};
