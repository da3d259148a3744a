/**
 * The gated mixture of relu experts behind MMoE and CGC, on flat arrays: experts E = relu(x·We + be)
 * [B, N·U] (N experts of U units), gates g = softmax per task over its Kg experts of x·Wg + bg [B, T·Kg],
 * out_t = Σ_j g_tj·E_sel(t, j). `sel` [T·Kg] names the expert each gate slot reads.
 */
import { activationBackward, denseBackward, denseForward } from './kernels';
import type { FastContext, FastLayer } from './kernel';
import { initWeights } from '../init';

/** Compiles the mixture: parameters We [D, N·U] (He), be [N·U], Wg [D, T·Kg] (Glorot), bg [T·Kg], as the tfjs builders reserve them. */
export function mixtureLayer(ctx: FastContext, nExperts: number, units: number, kg: number, sel: Int32Array): Pick<FastLayer, 'macs' | 'scratch' | 'forward' | 'backward'> & { gatesOf(scratch: Float32Array[], B: number): number[] } {
  const d = ctx.inShapes[0][0];
  const t = ctx.tasks.length;
  const nu = nExperts * units;
  const tk = t * kg;
  const weOff = ctx.param([d, nu], initWeights(d * nu, d, units, 'relu', ctx.rng));
  const beOff = ctx.param([nu], 0);
  const wgOff = ctx.param([d, tk], initWeights(d * tk, d, kg, 'linear', ctx.rng));
  const bgOff = ctx.param([tk], 0);
  return {
    macs: d * nu + d * tk + tk * units,
    // E, g (kept for backward), dE, dl
    scratch: (B) => [new Float32Array(B * nu), new Float32Array(B * tk), new Float32Array(B * nu), new Float32Array(B * tk)],
    forward(io, P) {
      const [E, g] = io.scratch;
      const B = io.B;
      const x = io.ins[0];
      denseForward(x, B, d, nu, P, weOff, beOff, 'relu', E);
      denseForward(x, B, d, tk, P, wgOff, bgOff, 'linear', g);
      for (let r = 0; r < B * t; r++) softmaxRow(g, r * kg, kg);
      for (let i = 0; i < t; i++) {
        const out = io.outs[i];
        for (let b = 0; b < B; b++) {
          const o = b * units;
          for (let u = 0; u < units; u++) out[o + u] = 0;
          for (let j = 0; j < kg; j++) {
            const gv = g[b * tk + i * kg + j];
            const e = b * nu + sel[i * kg + j] * units;
            for (let u = 0; u < units; u++) out[o + u] += gv * E[e + u];
          }
        }
      }
    },
    backward(io, P, G) {
      const [E, g, dE, dl] = io.scratch;
      const B = io.B;
      dE.fill(0);
      for (let i = 0; i < t; i++) {
        const dout = io.dOuts[i];
        for (let b = 0; b < B; b++) {
          const o = b * units;
          const gr = b * tk + i * kg;
          let s = 0;
          for (let j = 0; j < kg; j++) {
            const gv = g[gr + j];
            const e = b * nu + sel[i * kg + j] * units;
            let dg = 0;
            for (let u = 0; u < units; u++) {
              dg += dout[o + u] * E[e + u];
              dE[e + u] += gv * dout[o + u];
            }
            dl[gr + j] = dg;
            s += gv * dg;
          }
          // softmax backward: ∂l_j = g_j·(∂g_j − Σ_k g_k·∂g_k)
          for (let j = 0; j < kg; j++) dl[gr + j] = g[gr + j] * (dl[gr + j] - s);
        }
      }
      activationBackward(dE, E, B * nu, 'relu');
      const x = io.ins[0];
      denseBackward(x, B, d, nu, P, G, weOff, beOff, dE, io.dIns[0]);
      denseBackward(x, B, d, tk, P, G, wgOff, bgOff, dl, io.dIns[0]);
    },
    /** Each task's gate weight per slot averaged over the B rows: [T, Kg] row-major. */
    gatesOf(scratch, B) {
      const g = scratch[1];
      const mean = new Array<number>(tk).fill(0);
      for (let b = 0; b < B; b++) for (let k = 0; k < tk; k++) mean[k] += g[b * tk + k];
      return mean.map((v) => v / B);
    },
  };
}

/** In place: v[o … o+n) ← softmax of it (max-shifted). */
export function softmaxRow(v: Float32Array, o: number, n: number): void {
  let m = -Infinity;
  for (let j = 0; j < n; j++) if (v[o + j] > m) m = v[o + j];
  let s = 0;
  for (let j = 0; j < n; j++) {
    const e = Math.exp(v[o + j] - m);
    v[o + j] = e;
    s += e;
  }
  for (let j = 0; j < n; j++) v[o + j] /= s;
}
