/** FAMO (Liu et al. 2023): fast adaptive multitask optimisation, loss weights learned from each step's log-loss decrease. */
import type { StrategySpec } from '../../model/weighting';

export const spec: StrategySpec = {
  order: 240,
  label: 'FAMO',
  description:
    'Balances the tasks’ log-loss decrease with learned logits: after each update it re-reads the batch’s losses (one extra forward pass) and raises the weight of tasks that improved least.',
  reference: 'Liu et al., NeurIPS 2023',
  params: [
    { key: 'wLr', label: 'Logit learning rate', type: 'float', min: 0, max: 1, step: 0.001, default: 0.025 },
    { key: 'gamma', label: 'Logit weight decay γ', type: 'float', min: 0, max: 1, step: 0.0001, default: 0.001 },
  ],
  needsGrads: false,
  losses: 'step',
  cost: 'loss-only',
  lossesAfterStep: true,
};
