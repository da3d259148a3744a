/** DSelect-k (Hazimeh et al., NeurIPS 2021): relu experts shared by all tasks; each task's gate is k binary-encoded single-expert selectors. */
import type { ParamValue } from '../../model';
import { FROZEN_PARAM, defineKind, needVector, perTask } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'dselectk',
  label: 'DSelect-k',
  description: 'Mixture of experts whose per-task gate picks at most k experts through smooth-step binary codes (Hazimeh et al. 2021).',
  category: 'merge',
  order: 185,
  params: [
    { key: 'experts', label: 'Experts', type: 'int', min: 2, max: 32, default: 4, help: 'a power of 2 (2, 4, 8, 16, 32): each selector encodes its expert in log2(n) bits' },
    { key: 'k', label: 'Selected (k)', type: 'int', min: 1, max: 8, default: 2, help: 'single-expert selectors per task: at most k experts get a non-zero weight' },
    { key: 'units', label: 'Expert units', type: 'int', min: 1, max: 512, default: 16 },
    { key: 'gamma', label: 'Smooth-step γ', type: 'float', min: 0.1, max: 10, step: 0.1, default: 1, help: 'width of the smooth step’s polynomial part; outside ±γ/2 a bit is exactly 0 or 1' },
    FROZEN_PARAM,
  ],
  inputs: 'one',
  hasOutput: true,
  outputs: perTask,
  shape: (p, inputs, ctx) => {
    const err = needVector(inputs);
    if (err) return err;
    const n = Number(p.experts);
    if ((n & (n - 1)) !== 0) return `experts must be a power of 2 (2, 4, 8, 16, 32), got ${n}`;
    return ctx.tasks.map(() => [Number(p.units)]);
  },
  summary: (p) => `${p.experts} experts × ${p.units}, k = ${p.k}`,
  baseline: 'own-output',
});

/** The note of the inspection table (both engines). */
export const DSELECT_NOTE = 'Static per-task gate: each cell is the weight the task’s k selectors put on that expert (rows sum to 1; at most k non-zero once the smooth steps saturate).';

/** The node's sizes as both engines read them: n experts, k selectors, units per expert, γ, and m = log2 n code bits. */
export function dselectSizes(p: Record<string, ParamValue>) {
  const n = Number(p.experts);
  return { n, k: Number(p.k), units: Number(p.units), gamma: Number(p.gamma), m: Math.round(Math.log2(n)) };
}
