/**
 * Registry entries for multi-task fusion modules. Each has one output per task (handles out0…out{T−1},
 * output k belongs to task k in the experiment's task order); builders live in src/train/layers/fusion.ts.
 */
import { FROZEN_PARAM, NEEDS_INPUT, fmt, needVector, perTask, type NodeKindSpec, type Shape, type ShapeContext } from './spec';

const same = (a: Shape, b: Shape) => a.length === b.length && a.every((d, i) => d === b[i]);

/** Error unless there is one input stream per task, all of the same shape. */
function needStreams(inputs: Shape[], ctx: ShapeContext, vectorsOnly: boolean): string | null {
  const t = ctx.tasks.length;
  if (inputs.length === 0) return `needs one input edge per task (${t}), in task order`;
  if (inputs.length !== t) return `needs one input edge per task (${t}), got ${inputs.length}`;
  const bad = inputs.find((s) => !same(s, inputs[0]));
  if (bad) return `input streams must all have the same shape, got ${fmt(inputs[0])} and ${fmt(bad)}`;
  if (vectorsOnly && inputs[0].length !== 1) return `expects vector streams, got ${fmt(inputs[0])}; add a Flatten`;
  return null;
}

const copies = (s: Shape, ctx: ShapeContext): Shape[] => ctx.tasks.map(() => [...s]);

export const crossstitch: NodeKindSpec = {
  kind: 'crossstitch',
  label: 'Cross-stitch unit',
  description: 'Mixes one stream per task: out_i = Σ_j a_ij·x_j with a learned T×T matrix (Misra et al. 2016).',
  category: 'merge',
  params: [FROZEN_PARAM],
  inputs: 'many',
  hasOutput: true,
  outputs: perTask,
  shape: (_p, inputs, ctx) => needStreams(inputs, ctx, false) ?? copies(inputs[0], ctx),
};

export const taskattention: NodeKindSpec = {
  kind: 'taskattention',
  label: 'Task attention (MTAN)',
  description: 'One learned soft mask per task over shared features: x ⊙ σ(W_t·x + b_t) + x (MTAN-style).',
  category: 'merge',
  params: [FROZEN_PARAM],
  inputs: 'one',
  hasOutput: true,
  outputs: perTask,
  shape: (_p, inputs, ctx) => {
    if (inputs.length === 0) return NEEDS_INPUT;
    const s = inputs[0];
    if (s.length !== 1 && s.length !== 3) return `expects a vector [D] or a feature map [H×W×C], got ${fmt(s)}`;
    return copies(s, ctx);
  },
};

const expertParams = [
  { key: 'units', label: 'Expert units', type: 'int', min: 1, max: 512, default: 16 },
] as const;

export const mmoe: NodeKindSpec = {
  kind: 'mmoe',
  label: 'MMoE',
  description: 'Multi-gate mixture of experts: K relu experts, one softmax gate per task (Ma et al. 2018).',
  category: 'merge',
  params: [{ key: 'experts', label: 'Experts', type: 'int', min: 1, max: 32, default: 4 }, ...expertParams, FROZEN_PARAM],
  inputs: 'one',
  hasOutput: true,
  outputs: perTask,
  shape: (p, inputs, ctx) => needVector(inputs) ?? ctx.tasks.map(() => [Number(p.units)]),
};

export const cgc: NodeKindSpec = {
  kind: 'cgc',
  label: 'CGC (PLE)',
  description: 'Customized gate control: shared experts plus each task’s own; a gate per task over both (Tang et al. 2020).',
  category: 'merge',
  params: [
    { key: 'sharedExperts', label: 'Shared experts', type: 'int', min: 0, max: 32, default: 2 },
    { key: 'taskExperts', label: 'Experts per task', type: 'int', min: 0, max: 32, default: 1 },
    ...expertParams,
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
};

export const tam: NodeKindSpec = {
  kind: 'tam',
  label: 'Task-aware attention',
  description: 'Multi-head attention with a learned query per task over tokens of the input ([D] split into chunks, or [L×D]).',
  category: 'merge',
  params: [
    { key: 'chunks', label: 'Tokens (chunks)', type: 'int', min: 1, max: 256, default: 4, help: 'a vector [D] is read as this many tokens of D/chunks features' },
    { key: 'heads', label: 'Heads', type: 'int', min: 1, max: 16, default: 2 },
    { key: 'dModel', label: 'Model width', type: 'int', min: 1, max: 512, default: 16, help: 'output width per task; a multiple of Heads' },
    FROZEN_PARAM,
  ],
  inputs: 'one',
  hasOutput: true,
  outputs: perTask,
  shape: (p, inputs, ctx) => {
    const tok = tamTokens(p, inputs);
    if (typeof tok === 'string') return tok;
    const dm = Number(p.dModel);
    if (dm % Number(p.heads) !== 0) return `model width ${dm} is not a multiple of ${p.heads} heads`;
    return ctx.tasks.map(() => [dm]);
  },
};

/** TAM's view of its input as [tokens, token width], or why it cannot. */
export function tamTokens(p: Record<string, unknown>, inputs: Shape[]): [number, number] | string {
  if (inputs.length === 0) return NEEDS_INPUT;
  const s = inputs[0];
  if (s.length === 2) return [s[0], s[1]];
  if (s.length !== 1) return `expects a vector [D] or a sequence [L×D], got ${fmt(s)}`;
  const c = Number(p.chunks);
  if (s[0] % c !== 0) return `cannot split ${fmt(s)} into ${c} equal tokens; pick a divisor of ${s[0]}`;
  return [c, s[0] / c];
}

export const care: NodeKindSpec = {
  kind: 'care',
  label: 'Cross-task enhancement',
  description: 'Each task stream attends (softmax over dot products) to the other tasks’ streams and adds the result back (CARE-style).',
  category: 'merge',
  params: [FROZEN_PARAM],
  inputs: 'many',
  hasOutput: true,
  outputs: perTask,
  shape: (_p, inputs, ctx) => needStreams(inputs, ctx, true) ?? copies(inputs[0], ctx),
};

/** How an ensemble combines its members' outputs. Majority vote is not offered: see the ensemble entry. */
export const ENSEMBLE_COMBINE = ['mean', 'learned'] as const;

/**
 * Ensemble: per task, N independently initialised small MLPs on the same input, combined at the feature
 * level. Members have a linear output, and a task head is linear too, so `mean` wired straight into a head
 * is exactly averaging the N members' logits (head(mean f) = mean head(f)). A majority vote is not offered:
 * votes need each member's own prediction (a head per member) and an arg-max that passes no gradient, so it
 * cannot be trained through this node; averaging logits is the differentiable ensemble.
 */
export const ensemble: NodeKindSpec = {
  kind: 'ensemble',
  label: 'Ensemble',
  description: 'Per task, N independently initialised MLPs (Dense relu → Dense) on the input, combined by their mean or learned softmax weights.',
  category: 'merge',
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
};
