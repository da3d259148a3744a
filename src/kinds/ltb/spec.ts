/** Learning to Branch (Guo, Lee & Ulbricht, ICML 2020): a tree of dense blocks whose branching is learned through Gumbel-softmax parent choices. */
import { FROZEN_PARAM, defineKind, needVector, perTask } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'ltb',
  label: 'Learning to Branch',
  description: 'A tree of relu blocks: each block picks its parent in the level below by learned Gumbel-softmax logits; the tasks are the leaves (Guo et al. 2020).',
  category: 'merge',
  order: 195,
  params: [
    { key: 'depth', label: 'Inner levels', type: 'int', min: 1, max: 4, default: 2, help: 'levels of blocks between the input and the task leaves' },
    { key: 'width', label: 'Blocks per level', type: 'int', min: 1, max: 8, default: 2 },
    { key: 'units', label: 'Block units', type: 'int', min: 1, max: 256, default: 16 },
    { key: 'tau', label: 'Temperature τ₀', type: 'float', min: 0.1, max: 10, step: 0.1, default: 1, help: 'Gumbel-softmax temperature at step 0; τ(step) = τ₀ / √(1 + step / anneal)' },
    { key: 'anneal', label: 'Anneal (steps)', type: 'int', min: 1, max: 100000, default: 100, help: 'the step scale of the temperature’s 1/√ decay' },
    { key: 'noise', label: 'Gumbel noise', type: 'bool', default: true, help: 'sample the parents while training (seeded from the experiment seed); off: the noise-free softmax relaxation' },
    FROZEN_PARAM,
  ],
  inputs: 'one',
  hasOutput: true,
  outputs: perTask,
  shape: (p, inputs, ctx) => needVector(inputs) ?? ctx.tasks.map(() => [Number(p.units)]),
  summary: (p) => `${p.depth} levels × ${p.width} blocks × ${p.units}`,
  baseline: 'own-output',
});


/** Blocks per level: `depth` inner levels of `width`, then one leaf per task. */
export const levelSizes = (depth: number, width: number, tasks: number): number[] => [...Array.from({ length: depth }, () => width), tasks];

/** Gumbel-softmax temperature at `step`: τ₀ / √(1 + step / anneal) (the 1/√t decay of LibMTL's LTB). */
export const temperature = (tau: number, anneal: number, step: number): number => tau / Math.sqrt(1 + step / anneal);

/** One Gumbel(0, 1) draw from a uniform u in [0, 1) (u is kept off 0 and 1). */
export const gumbel = (u: number): number => -Math.log(-Math.log(Math.min(Math.max(u, 1e-12), 1 - 1e-7)));

/** Row labels of the inspection table: every block above the first level (L2 B1 …), the leaves by task name. */
export const blockRows = (sizes: number[], taskNames: string[]): string[] =>
  sizes.slice(1).flatMap((n, i) => (i === sizes.length - 2 ? taskNames : Array.from({ length: n }, (_, j) => `L${i + 2} B${j + 1}`)));

export const LTB_NOTE =
  'Each row is a block of the tree, each column a block of the level below (P1 …); a cell is the softmax of the learned branching logits. While training a block reads a Gumbel-softmax mix of its parents; at evaluation it reads its most probable one.';
