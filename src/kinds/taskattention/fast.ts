/**
 * MTAN task attention kernel over the last axis C (rows R = B·size/C): W [C, T·C] (Glorot), b [T·C];
 * m = σ(x·W + b); out_t = x ⊙ m_t + x (the tfjs builder's layout and init).
 */
import { denseBackward, denseForward } from '../../train/fast/kernels';
import { sizeOf, type FastKernel } from '../../train/fast/kernel';
import { initWeights } from '../../train/init';

export const kernel: FastKernel = (ctx) => {
  const shape = ctx.inShapes[0];
  const c = shape[shape.length - 1];
  const perRow = sizeOf(shape) / c;
  const t = ctx.tasks.length;
  const tc = t * c;
  const wOff = ctx.param([c, tc], initWeights(c * tc, c, c, 'linear', ctx.rng));
  const bOff = ctx.param([tc], 0);
  return {
    macs: perRow * c * tc,
    // m [R, T·C] (kept for backward), dPre [R, T·C]
    scratch: (B) => [new Float32Array(B * perRow * tc), new Float32Array(B * perRow * tc)],
    forward(io, P) {
      const R = io.B * perRow;
      const x = io.ins[0];
      const m = io.scratch[0];
      denseForward(x, R, c, tc, P, wOff, bOff, 'sigmoid', m);
      for (let i = 0; i < t; i++) {
        const out = io.outs[i];
        for (let r = 0; r < R; r++) {
          const mo = r * tc + i * c;
          const xo = r * c;
          for (let k = 0; k < c; k++) out[xo + k] = x[xo + k] * m[mo + k] + x[xo + k];
        }
      }
    },
    backward(io, P, G) {
      const R = io.B * perRow;
      const x = io.ins[0];
      const [m, dPre] = io.scratch;
      const dx = io.dIns[0];
      for (let i = 0; i < t; i++) {
        const d = io.dOuts[i];
        for (let r = 0; r < R; r++) {
          const mo = r * tc + i * c;
          const xo = r * c;
          for (let k = 0; k < c; k++) {
            const mv = m[mo + k];
            const dv = d[xo + k];
            // σ′ = m(1 − m); the direct path x·m + x gives dx += d·(m + 1)
            dPre[mo + k] = dv * x[xo + k] * mv * (1 - mv);
            if (dx) dx[xo + k] += dv * (mv + 1);
          }
        }
      }
      denseBackward(x, R, c, tc, P, G, wOff, bOff, dPre, dx);
    },
  };
};
