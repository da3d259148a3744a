/** CGC, the layer of PLE (Tang et al. 2020): shared experts plus each task's own, a gate per task over both. */
import { FROZEN_PARAM, defineKind, needVector, perTask } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'cgc',
  label: 'CGC (PLE)',
  description: 'Customized gate control: shared experts plus each task’s own; a gate per task over both (Tang et al. 2020).',
  category: 'merge',
  order: 190,
  params: [
    { key: 'sharedExperts', label: 'Shared experts', type: 'int', min: 0, max: 32, default: 2 },
    { key: 'taskExperts', label: 'Experts per task', type: 'int', min: 0, max: 32, default: 1 },
    { key: 'units', label: 'Expert units', type: 'int', min: 1, max: 512, default: 16 },
    FROZEN_PARAM,
  ],
  inputs: 'one',
  hasOutput: true,
  outputs: perTask,
  shape: (p, inputs, ctx) => {
    const err = needVector(inputs);
    if (err) return err;
    if (Number(p.sharedExperts) + Number(p.taskExperts) === 0) return 'needs at least one expert';
    return ctx.tasks.map(() => [Number(p.units)]);
  },
  summary: (p) => `${p.sharedExperts} shared + ${p.taskExperts}/task × ${p.units}`,
  baseline: 'own-output',
});
