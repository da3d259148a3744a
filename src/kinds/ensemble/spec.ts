/**
 * Ensemble: per task, N independently initialised small MLPs on the same input, combined at the feature
 * level. Members have a linear output, and a task head is linear too, so `mean` wired straight into a head
 * is exactly averaging the N members' logits (head(mean f) = mean head(f)). A majority vote is not offered:
 * votes need each member's own prediction (a head per member) and an arg-max that passes no gradient, so it
 * cannot be trained through this node; averaging logits is the differentiable ensemble.
 */
import { FROZEN_PARAM, defineKind, needVector, perTask } from '../../model/nodes/spec';

/** How an ensemble combines its members' outputs. Majority vote is not offered: see above. */
export const ENSEMBLE_COMBINE = ['mean', 'learned'] as const;

export const spec = defineKind({
  kind: 'ensemble',
  label: 'Ensemble',
  description: 'Per task, N independently initialised MLPs (Dense relu → Dense) on the input, combined by their mean or learned softmax weights.',
  category: 'merge',
  order: 220,
  params: [
    { key: 'members', label: 'Members per task', type: 'int', min: 1, max: 16, default: 3 },
    { key: 'hidden', label: 'Hidden units', type: 'int', min: 1, max: 512, default: 16, help: 'width of each member’s relu layer' },
    { key: 'units', label: 'Output units', type: 'int', min: 1, max: 512, default: 8, help: 'width of each member’s linear output (and of the node’s outputs)' },
    {
      key: 'combine',
      label: 'Combine',
      type: 'select',
      options: ENSEMBLE_COMBINE,
      default: 'mean',
      help: 'mean: average of the members (into a head, the average of their logits); learned: softmax weights per task, starting equal. No majority vote: it passes no gradient.',
    },
    FROZEN_PARAM,
  ],
  inputs: 'one',
  hasOutput: true,
  outputs: perTask,
  shape: (p, inputs, ctx) => needVector(inputs) ?? ctx.tasks.map(() => [Number(p.units)]),
  baseline: 'own-output',
});
