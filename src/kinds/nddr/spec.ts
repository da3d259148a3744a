/** NDDR layer (Gao et al., CVPR 2019): per task a 1×1 conv over the channel concatenation of the T task streams. */
import { ACTIVATIONS, FROZEN_PARAM, copies, defineKind, needStreams, perTask } from '../../model/nodes/spec';

export const spec = defineKind({
  kind: 'nddr',
  label: 'NDDR layer',
  description:
    'Fuses one stream per task: each task’s output is a 1×1 conv (no bias) over the channel concatenation of all streams, then an activation (Gao et al., CVPR 2019).',
  category: 'merge',
  order: 165,
  params: [
    { key: 'alpha', label: 'Own-stream init α', type: 'float', min: 0, max: 1, step: 0.05, default: 0.9, help: 'initial weight on the own stream’s channel; the others share 1 − α (the paper’s 0.9 / 0.1)' },
    { key: 'activation', label: 'Activation', type: 'select', options: ACTIVATIONS, default: 'relu' },
    FROZEN_PARAM,
  ],
  inputs: 'many',
  hasOutput: true,
  outputs: perTask,
  shape: (_p, inputs, ctx) => needStreams(inputs, ctx, false) ?? copies(inputs[0], ctx),
  summary: (p) => `α ${p.alpha} · ${p.activation}`,
  baseline: 'bypass',
});

/**
 * NDDR's initial weights W [T·C, T·C] (row = input channel of the concatenation, column block i = task i's conv):
 * W[j·C + m, i·C + k] = δ(m, k)·(α if j = i else (1 − α)/(T − 1)), the official code's constant init; one task: identity.
 */
export function nddrInit(t: number, c: number, alpha: number): Float32Array {
  const n = t * c;
  const w = new Float32Array(n * n);
  for (let j = 0; j < t; j++)
    for (let i = 0; i < t; i++) {
      const v = t === 1 ? 1 : i === j ? alpha : (1 - alpha) / (t - 1);
      for (let k = 0; k < c; k++) w[(j * c + k) * n + i * c + k] = v;
    }
  return w;
}

/** Inspection: the mean diagonal of block (stream j → task i), [T, T] row-major by task; W as nddrInit lays it out. */
export function nddrMixing(w: ArrayLike<number>, t: number, c: number): number[] {
  const n = t * c;
  const out = new Array<number>(t * t).fill(0);
  for (let i = 0; i < t; i++) for (let j = 0; j < t; j++) {
    let s = 0;
    for (let k = 0; k < c; k++) s += w[(j * c + k) * n + i * c + k];
    out[i * t + j] = s / c;
  }
  return out;
}

/** The NDDR inspection table's title and reading note (both engines show it). */
export const NDDR_TABLE = {
  title: 'Mean own-channel weight per stream',
  note: 'Row i is task i’s 1×1 conv; column j is input stream j (edge order): the mean weight from a channel of stream j to the same channel of output i. Starts at α on the diagonal.',
};
