/**
 * CARE-style cross-task enhancement kernel over T vector streams x_i [D] (the tfjs builder's maths and layout):
 * q, k, v = x·Wq, x·Wk, x·Wv; out_i = x_i + Σ_{j≠i} softmax_j(q_i·k_j / √D)·v_j (a stream never attends to itself:
 * tfjs's −1e9 mask gives it weight exactly 0). One stream passes through unchanged. The streams are stacked into
 * one [T·B, D] block (row i·B + b) so that each projection is one matrix product.
 */
import { denseBackward, denseForward } from '../../train/fast/kernels';
import type { FastKernel } from '../../train/fast/kernel';
import { initWeights } from '../../train/init';

export const kernel: FastKernel = (ctx) => {
  const d = ctx.inShapes[0][0];
  const T = ctx.inShapes.length;
  const [wq, wk, wv] = [0, 1, 2].map(() => ctx.param([d, d], initWeights(d * d, d, d, 'linear', ctx.rng)));
  const scale = 1 / Math.sqrt(d);
  return {
    macs: T > 1 ? 3 * T * d * d + 2 * T * T * d : 0,
    // X, Q, K, V (forward), dQ, dK, dV, dX (backward), all [T·B·D]; a [B·T·T]; da [T]
    scratch: (B) => [...Array.from({ length: 8 }, () => new Float32Array(T * B * d)), new Float32Array(B * T * T), new Float32Array(T)],
    forward(io, P) {
      const B = io.B;
      const n = B * d;
      if (T === 1) {
        io.outs[0].set(io.ins[0].subarray(0, n));
        return;
      }
      const [X, Q, K, V, , , , , A] = io.scratch;
      for (let i = 0; i < T; i++) X.set(io.ins[i].subarray(0, n), i * n);
      denseForward(X, T * B, d, d, P, wq, -1, 'linear', Q);
      denseForward(X, T * B, d, d, P, wk, -1, 'linear', K);
      denseForward(X, T * B, d, d, P, wv, -1, 'linear', V);
      for (let b = 0; b < B; b++)
        for (let i = 0; i < T; i++) {
          const qo = i * n + b * d;
          const ao = (b * T + i) * T;
          let m = -Infinity;
          for (let j = 0; j < T; j++) {
            if (j === i) continue;
            const ko = j * n + b * d;
            let s = 0;
            for (let e = 0; e < d; e++) s += Q[qo + e] * K[ko + e];
            A[ao + j] = s * scale;
            if (A[ao + j] > m) m = A[ao + j];
          }
          let z = 0;
          for (let j = 0; j < T; j++) {
            A[ao + j] = j === i ? 0 : Math.exp(A[ao + j] - m);
            z += A[ao + j];
          }
          const out = io.outs[i];
          const r = b * d;
          for (let e = 0; e < d; e++) out[r + e] = X[qo + e];
          for (let j = 0; j < T; j++) {
            A[ao + j] /= z;
            if (j === i) continue;
            const a = A[ao + j];
            const vo = j * n + b * d;
            for (let e = 0; e < d; e++) out[r + e] += a * V[vo + e];
          }
        }
    },
    backward(io, P, G) {
      const B = io.B;
      const n = B * d;
      if (T === 1) {
        const dx = io.dIns[0];
        const dOut = io.dOuts[0];
        if (dx) for (let e = 0; e < n; e++) dx[e] += dOut[e];
        return;
      }
      const [X, Q, K, V, dQ, dK, dV, dX, A, da] = io.scratch;
      dQ.fill(0);
      dK.fill(0);
      dV.fill(0);
      for (let b = 0; b < B; b++)
        for (let i = 0; i < T; i++) {
          const dOut = io.dOuts[i];
          const r = b * d;
          const ao = (b * T + i) * T;
          // da_ij = dout_i·v_j and dv_j += a_ij·dout_i; then the softmax backward into the scores
          let sum = 0;
          for (let j = 0; j < T; j++) {
            if (j === i) continue;
            const vo = j * n + b * d;
            const a = A[ao + j];
            let g = 0;
            for (let e = 0; e < d; e++) {
              g += dOut[r + e] * V[vo + e];
              dV[vo + e] += a * dOut[r + e];
            }
            da[j] = g;
            sum += a * g;
          }
          const qo = i * n + b * d;
          for (let j = 0; j < T; j++) {
            if (j === i) continue;
            const ds = A[ao + j] * (da[j] - sum) * scale;
            const ko = j * n + b * d;
            for (let e = 0; e < d; e++) {
              dQ[qo + e] += ds * K[ko + e];
              dK[ko + e] += ds * Q[qo + e];
            }
          }
        }
      dX.fill(0);
      denseBackward(X, T * B, d, d, P, G, wq, -1, dQ, dX);
      denseBackward(X, T * B, d, d, P, G, wk, -1, dK, dX);
      denseBackward(X, T * B, d, d, P, G, wv, -1, dV, dX);
      for (let i = 0; i < T; i++) {
        const dx = io.dIns[i];
        if (!dx) continue;
        const dOut = io.dOuts[i];
        for (let e = 0; e < n; e++) dx[e] += dOut[e] + dX[i * n + e];
      }
    },
  };
};
