/**
 * Task-aware attention kernel (the tfjs builder's maths and layout): L tokens of width d; K = tokens·Wk,
 * V = tokens·Wv [B·L, dm]; per task a learned query Q [T, dm]; H heads of width dh; a = softmax_l(q·k / √dh);
 * o_t = Σ_l a_l·v_l (heads joined); out_t = o_t·Wo + bo.
 */
import { denseBackward, denseForward } from '../../train/fast/kernels';
import type { FastKernel } from '../../train/fast/kernel';
import { softmaxRow } from '../../train/fast/moe';
import { initWeights } from '../../train/init';
import { tamTokens } from './spec';

export const kernel: FastKernel = (ctx) => {
  const tok = tamTokens(ctx.params, ctx.inShapes);
  if (typeof tok === 'string') throw new Error(tok);
  const [L, d] = tok;
  const H = Number(ctx.params.heads);
  const dm = Number(ctx.params.dModel);
  const dh = dm / H;
  const T = ctx.tasks.length;
  const scale = 1 / Math.sqrt(dh);
  const wkOff = ctx.param([d, dm], initWeights(d * dm, d, dm, 'linear', ctx.rng));
  const wvOff = ctx.param([d, dm], initWeights(d * dm, d, dm, 'linear', ctx.rng));
  const qOff = ctx.param([T, dm], initWeights(T * dm, dm, T, 'linear', ctx.rng));
  const woOff = ctx.param([dm, dm], initWeights(dm * dm, dm, dm, 'linear', ctx.rng));
  const boOff = ctx.param([dm], 0);
  return {
    macs: 2 * L * d * dm + 2 * T * L * dm + T * dm * dm,
    // K, V [B·L·dm]; A [B·H·T·L]; O, Y [B·T·dm] (forward); dY, dO [B·T·dm], dK, dV [B·L·dm], da [L] (backward)
    scratch: (B) => [
      ...[B * L * dm, B * L * dm, B * H * T * L, B * T * dm, B * T * dm, B * T * dm, B * T * dm, B * L * dm, B * L * dm, L].map((n) => new Float32Array(n)),
    ],
    forward(io, P) {
      const [K, V, A, O, Y] = io.scratch;
      const B = io.B;
      const x = io.ins[0];
      denseForward(x, B * L, d, dm, P, wkOff, -1, 'linear', K);
      denseForward(x, B * L, d, dm, P, wvOff, -1, 'linear', V);
      O.fill(0, 0, B * T * dm);
      for (let b = 0; b < B; b++)
        for (let h = 0; h < H; h++)
          for (let t = 0; t < T; t++) {
            const ao = ((b * H + h) * T + t) * L;
            const qo = qOff + t * dm + h * dh;
            for (let l = 0; l < L; l++) {
              const ko = (b * L + l) * dm + h * dh;
              let s = 0;
              for (let e = 0; e < dh; e++) s += P[qo + e] * K[ko + e];
              A[ao + l] = s * scale;
            }
            softmaxRow(A, ao, L);
            const oo = (b * T + t) * dm + h * dh;
            for (let l = 0; l < L; l++) {
              const a = A[ao + l];
              const vo = (b * L + l) * dm + h * dh;
              for (let e = 0; e < dh; e++) O[oo + e] += a * V[vo + e];
            }
          }
      denseForward(O, B * T, dm, dm, P, woOff, boOff, 'linear', Y);
      for (let t = 0; t < T; t++) {
        const out = io.outs[t];
        for (let b = 0; b < B; b++) for (let j = 0; j < dm; j++) out[b * dm + j] = Y[(b * T + t) * dm + j];
      }
    },
    backward(io, P, G) {
      const [K, V, A, O, , dY, dO, dK, dV, da] = io.scratch;
      const B = io.B;
      for (let t = 0; t < T; t++) {
        const d0 = io.dOuts[t];
        for (let b = 0; b < B; b++) for (let j = 0; j < dm; j++) dY[(b * T + t) * dm + j] = d0[b * dm + j];
      }
      dO.fill(0);
      denseBackward(O, B * T, dm, dm, P, G, woOff, boOff, dY, dO);
      dK.fill(0);
      dV.fill(0);
      for (let b = 0; b < B; b++)
        for (let h = 0; h < H; h++)
          for (let t = 0; t < T; t++) {
            const ao = ((b * H + h) * T + t) * L;
            const oo = (b * T + t) * dm + h * dh;
            let s = 0;
            for (let l = 0; l < L; l++) {
              const a = A[ao + l];
              const vo = (b * L + l) * dm + h * dh;
              let g = 0;
              for (let e = 0; e < dh; e++) {
                g += dO[oo + e] * V[vo + e];
                dV[vo + e] += a * dO[oo + e];
              }
              da[l] = g;
              s += a * g;
            }
            const qo = qOff + t * dm + h * dh;
            for (let l = 0; l < L; l++) {
              // softmax backward, then the score's scale
              const ds = A[ao + l] * (da[l] - s) * scale;
              const ko = (b * L + l) * dm + h * dh;
              for (let e = 0; e < dh; e++) {
                G[qo + e] += ds * K[ko + e];
                dK[ko + e] += ds * P[qo + e];
              }
            }
          }
      const x = io.ins[0];
      denseBackward(x, B * L, d, dm, P, G, wkOff, -1, dK, io.dIns[0]);
      denseBackward(x, B * L, d, dm, P, G, wvOff, -1, dV, io.dIns[0]);
    },
  };
};
