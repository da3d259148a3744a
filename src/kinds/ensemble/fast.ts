/**
 * Ensemble kernel (the tfjs builder's maths and layout): member m = t·N + n is relu(x·W1_m + b1_m)·W2_m + b2_m,
 * W1 [D, M·H] (He), b1 [M·H], W2 [M, H, U] (Glorot), b2 [M, U], with combine 'learned' also logits [T, N];
 * out_t = Σ_n w_tn·y_tn with w_tn = 1/N (mean) or softmax_n(logits_t).
 */
import { activationBackward, denseBackward, denseForward } from '../../train/fast/kernels';
import type { FastKernel } from '../../train/fast/kernel';
import { softmaxRow } from '../../train/fast/moe';
import { initWeights } from '../../train/init';
import { numbered, taskRows } from '../../train/tables';

export const kernel: FastKernel = (ctx) => {
  const d = ctx.inShapes[0][0];
  const N = Number(ctx.params.members);
  const H = Number(ctx.params.hidden);
  const U = Number(ctx.params.units);
  const T = ctx.tasks.length;
  const M = T * N;
  const w1 = ctx.param([d, M * H], initWeights(d * M * H, d, H, 'relu', ctx.rng));
  const b1 = ctx.param([M * H], 0);
  const w2 = ctx.param([M, H, U], initWeights(M * H * U, H, U, 'linear', ctx.rng));
  const b2 = ctx.param([M, U], 0);
  const learned = ctx.params.combine === 'learned';
  const lg = learned ? ctx.param([T, N], 0) : -1;
  const w = new Float32Array(M);
  /** The member weights: softmax of each task's logits, or 1/N. */
  const weights = (P: Float32Array) => {
    if (!learned) return w.fill(1 / N);
    w.set(P.subarray(lg, lg + M));
    for (let t = 0; t < T; t++) softmaxRow(w, t * N, N);
    return w;
  };
  return {
    macs: d * M * H + M * H * U,
    // hid, dHid [B·M·H]; y [M·B·U]; dy [B·U]
    scratch: (B) => [new Float32Array(B * M * H), new Float32Array(B * M * H), new Float32Array(M * B * U), new Float32Array(B * U)],
    forward(io, P) {
      const [hid, , y] = io.scratch;
      const B = io.B;
      denseForward(io.ins[0], B, d, M * H, P, w1, b1, 'relu', hid);
      for (let m = 0; m < M; m++) {
        const yo = m * B * U;
        for (let b = 0; b < B; b++) {
          const o = yo + b * U;
          for (let u = 0; u < U; u++) y[o + u] = P[b2 + m * U + u];
          const ho = b * M * H + m * H;
          for (let h = 0; h < H; h++) {
            const hv = hid[ho + h];
            if (hv === 0) continue;
            const wo = w2 + (m * H + h) * U;
            for (let u = 0; u < U; u++) y[o + u] += hv * P[wo + u];
          }
        }
      }
      const wt = weights(P);
      for (let t = 0; t < T; t++) {
        const out = io.outs[t];
        out.fill(0, 0, B * U);
        for (let n = 0; n < N; n++) {
          const a = wt[t * N + n];
          const yo = (t * N + n) * B * U;
          for (let e = 0; e < B * U; e++) out[e] += a * y[yo + e];
        }
      }
    },
    backward(io, P, G) {
      const [hid, dHid, y, dy] = io.scratch;
      const B = io.B;
      const wt = weights(P);
      dHid.fill(0);
      for (let t = 0; t < T; t++) {
        const dOut = io.dOuts[t];
        let s = 0;
        for (let n = 0; n < N; n++) {
          const m = t * N + n;
          const a = wt[m];
          const yo = m * B * U;
          let dw = 0;
          for (let e = 0; e < B * U; e++) {
            dy[e] = a * dOut[e];
            dw += dOut[e] * y[yo + e];
          }
          if (learned) G[lg + m] += dw * a;
          s += a * dw;
          for (let b = 0; b < B; b++) {
            const o = b * U;
            for (let u = 0; u < U; u++) G[b2 + m * U + u] += dy[o + u];
            const ho = b * M * H + m * H;
            for (let h = 0; h < H; h++) {
              const wo = w2 + (m * H + h) * U;
              const hv = hid[ho + h];
              let g = 0;
              for (let u = 0; u < U; u++) {
                g += dy[o + u] * P[wo + u];
                G[wo + u] += hv * dy[o + u];
              }
              dHid[ho + h] += g;
            }
          }
        }
        // softmax backward: ∂logit_n = a_n·(dw_n − Σ a·dw); a_n·dw_n was added above
        if (learned) for (let n = 0; n < N; n++) G[lg + t * N + n] -= wt[t * N + n] * s;
      }
      activationBackward(dHid, hid, B * M * H, 'relu');
      denseBackward(io.ins[0], B, d, M * H, P, G, w1, b1, dHid, io.dIns[0]);
    },
    ...(learned && {
      inspect: (_io, P) => ({
        title: 'Member weights',
        note: 'Each task’s learned softmax weight per member (rows sum to 1; they start equal).',
        rowLabels: taskRows(ctx.tasks),
        colLabels: numbered('M', N),
        rows: T,
        cols: N,
        values: Array.from(weights(P)),
      }),
    }),
  };
};
