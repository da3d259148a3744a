/** MMoE (Ma et al. 2018): K relu experts shared by all tasks, one softmax gate per task. */
import { FROZEN_PARAM, defineKind, needVector, perTask } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'mmoe',
  label: 'MMoE',
  description: 'Multi-gate mixture of experts: K relu experts, one softmax gate per task (Ma et al. 2018).',
  category: 'merge',
  order: 180,
  params: [
    { key: 'experts', label: 'Experts', type: 'int', min: 1, max: 32, default: 4 },
    { key: 'units', label: 'Expert units', type: 'int', min: 1, max: 512, default: 16 },
    FROZEN_PARAM,
  ],
  inputs: 'one',
  hasOutput: true,
  outputs: perTask,
  shape: (p, inputs, ctx) => needVector(inputs) ?? ctx.tasks.map(() => [Number(p.units)]),
  summary: (p) => `${p.experts} experts × ${p.units}`,
  baseline: 'own-output',
});
