/**
 * CARE-style cross-task enhancement kernel over T vector streams x_i [D] (the tfjs builder's maths and layout):
 * q, k, v = x·Wq, x·Wk, x·Wv; out_i = x_i + Σ_{j≠i} softmax_j(q_i·k_j / √D)·v_j (a stream never attends to itself:
 * tfjs's −1e9 mask gives it weight exactly 0). One stream passes through unchanged.
 */
import { denseBackward, denseForward } from '../../train/fast/kernels';
import type { FastKernel } from '../../train/fast/kernel';
import { initWeights } from '../../train/init';

export const kernel: FastKernel = (ctx) => {
  const d = ctx.inShapes[0][0];
  const T = ctx.inShapes.length;
  const offs = [0, 1, 2].map(() => ctx.param([d, d], initWeights(d * d, d, d, 'linear', ctx.rng)));
  const [wq, wk, wv] = offs;
  const scale = 1 / Math.sqrt(d);
  return {
    macs: T > 1 ? 3 * T * d * d + 2 * T * T * d : 0,
    // per stream i: q, k, v [B·D] (3T arrays), backward's dq, dk, dv (3T arrays); a [B·T·T]; da [T]
    scratch: (B) => [...Array.from({ length: 6 * T }, () => new Float32Array(B * d)), new Float32Array(B * T * T), new Float32Array(T)],
    forward(io, P) {
      const B = io.B;
      const n = B * d;
      if (T === 1) {
        io.outs[0].set(io.ins[0].subarray(0, n));
        return;
      }
      const sc = io.scratch;
      const A = sc[6 * T];
      for (let i = 0; i < T; i++) {
        denseForward(io.ins[i], B, d, d, P, wq, -1, 'linear', sc[i]);
        denseForward(io.ins[i], B, d, d, P, wk, -1, 'linear', sc[T + i]);
        denseForward(io.ins[i], B, d, d, P, wv, -1, 'linear', sc[2 * T + i]);
      }
      for (let b = 0; b < B; b++) {
        const r = b * d;
        for (let i = 0; i < T; i++) {
          const q = sc[i];
          const ao = (b * T + i) * T;
          let m = -Infinity;
          for (let j = 0; j < T; j++) {
            if (j === i) continue;
            const k = sc[T + j];
            let s = 0;
            for (let e = 0; e < d; e++) s += q[r + e] * k[r + e];
            A[ao + j] = s * scale;
            if (A[ao + j] > m) m = A[ao + j];
          }
          let z = 0;
          for (let j = 0; j < T; j++) {
            A[ao + j] = j === i ? 0 : Math.exp(A[ao + j] - m);
            z += A[ao + j];
          }
          const out = io.outs[i];
          const x = io.ins[i];
          for (let e = 0; e < d; e++) out[r + e] = x[r + e];
          for (let j = 0; j < T; j++) {
            A[ao + j] /= z;
            if (j === i) continue;
            const a = A[ao + j];
            const v = sc[2 * T + j];
            for (let e = 0; e < d; e++) out[r + e] += a * v[r + e];
          }
        }
      }
    },
    backward(io, P, G) {
      const B = io.B;
      if (T === 1) {
        const dx = io.dIns[0];
        const dOut = io.dOuts[0];
        if (dx) for (let e = 0; e < B * d; e++) dx[e] += dOut[e];
        return;
      }
      const sc = io.scratch;
      const A = sc[6 * T];
      for (let s = 3 * T; s < 6 * T; s++) sc[s].fill(0);
      const da = sc[6 * T + 1];
      for (let b = 0; b < B; b++) {
        const r = b * d;
        for (let i = 0; i < T; i++) {
          const dOut = io.dOuts[i];
          const ao = (b * T + i) * T;
          // da_ij = dout_i·v_j and dv_j += a_ij·dout_i; then the softmax backward into the scores
          let sum = 0;
          for (let j = 0; j < T; j++) {
            if (j === i) continue;
            const v = sc[2 * T + j];
            const dv = sc[5 * T + j];
            const a = A[ao + j];
            let g = 0;
            for (let e = 0; e < d; e++) {
              g += dOut[r + e] * v[r + e];
              dv[r + e] += a * dOut[r + e];
            }
            da[j] = g;
            sum += a * g;
          }
          const q = sc[i];
          const dq = sc[3 * T + i];
          for (let j = 0; j < T; j++) {
            if (j === i) continue;
            const ds = A[ao + j] * (da[j] - sum) * scale;
            const k = sc[T + j];
            const dk = sc[4 * T + j];
            for (let e = 0; e < d; e++) {
              dq[r + e] += ds * k[r + e];
              dk[r + e] += ds * q[r + e];
            }
          }
        }
      }
      for (let i = 0; i < T; i++) {
        const x = io.ins[i];
        const dx = io.dIns[i];
        if (dx) {
          const dOut = io.dOuts[i];
          for (let e = 0; e < B * d; e++) dx[e] += dOut[e];
        }
        denseBackward(x, B, d, d, P, G, wq, -1, sc[3 * T + i], dx);
        denseBackward(x, B, d, d, P, G, wk, -1, sc[4 * T + i], dx);
        denseBackward(x, B, d, d, P, G, wv, -1, sc[5 * T + i], dx);
      }
    },
  };
};
