/**
 * Embedding kernel: table [vocab, dim] (Glorot from the node's stream), rows looked up by id, ids rounded half to
 * even (tf.round) and clamped to [0, vocab − 1]. Backward adds each row of dy into its id's table row; the ids get
 * no gradient (the tfjs builder's zeros).
 */
import { initWeights } from '../../train/init';
import type { FastKernel } from '../../train/fast/kernel';

/** tf.round: to the nearest integer, halves to the even one. */
export function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d < 0.5) return f;
  if (d > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

export const kernel: FastKernel = (ctx) => {
  const vocab = Number(ctx.params.vocab);
  const dim = Number(ctx.params.dim);
  const L = ctx.inShapes[0][0];
  const tOff = ctx.param([vocab, dim], initWeights(vocab * dim, vocab, dim, 'linear', ctx.rng));
  return {
    macs: 0,
    // the clamped ids of the last forward [B·L] (exact in float32 below 2²⁴)
    scratch: (B) => [new Float32Array(B * L)],
    forward(io, P) {
      const [ids] = io.scratch;
      const x = io.ins[0];
      const out = io.outs[0];
      for (let r = 0; r < io.B * L; r++) {
        // NaN → 0, as the int32 cast does
        const id = Math.min(vocab - 1, Math.max(0, roundHalfEven(x[r]))) || 0;
        ids[r] = id;
        out.set(P.subarray(tOff + id * dim, tOff + (id + 1) * dim), r * dim);
      }
    },
    backward(io, _P, G) {
      const [ids] = io.scratch;
      const dy = io.dOuts[0];
      for (let r = 0; r < io.B * L; r++) {
        const row = tOff + ids[r] * dim;
        for (let k = 0; k < dim; k++) G[row + k] += dy[r * dim + k];
      }
    },
  };
};
