/** LayerNorm kernel: (x − mean) / √(var + ε) over the last axis of each example (biased variance), then · gain + bias. */
import { sizeOf, type FastKernel } from '../../train/fast/kernel';
import { LAYERNORM_EPS } from './spec';

export const kernel: FastKernel = (ctx) => {
  const shape = ctx.inShapes[0];
  const d = shape[shape.length - 1];
  const perRow = sizeOf(shape) / d;
  const gain = ctx.param([d], 1);
  const bias = ctx.param([d], 0);
  return {
    macs: 0,
    // x̂ [R·D] and 1/σ [R], kept for backward
    scratch: (B) => [new Float32Array(B * perRow * d), new Float32Array(B * perRow)],
    forward(io, P) {
      const [xh, inv] = io.scratch;
      const x = io.ins[0];
      const out = io.outs[0];
      const R = io.B * perRow;
      for (let r = 0; r < R; r++) {
        const o = r * d;
        let mean = 0;
        for (let k = 0; k < d; k++) mean += x[o + k];
        mean /= d;
        let v = 0;
        for (let k = 0; k < d; k++) v += (x[o + k] - mean) * (x[o + k] - mean);
        const s = 1 / Math.sqrt(v / d + LAYERNORM_EPS);
        inv[r] = s;
        for (let k = 0; k < d; k++) {
          const n = (x[o + k] - mean) * s;
          xh[o + k] = n;
          out[o + k] = n * P[gain + k] + P[bias + k];
        }
      }
    },
    backward(io, P, G) {
      const [xh, inv] = io.scratch;
      const dy = io.dOuts[0];
      const dx = io.dIns[0];
      const R = io.B * perRow;
      for (let r = 0; r < R; r++) {
        const o = r * d;
        let m1 = 0;
        let m2 = 0;
        for (let k = 0; k < d; k++) {
          G[gain + k] += dy[o + k] * xh[o + k];
          G[bias + k] += dy[o + k];
          const g = dy[o + k] * P[gain + k];
          m1 += g;
          m2 += g * xh[o + k];
        }
        if (!dx) continue;
        m1 /= d;
        m2 /= d;
        // dx = (dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)) / σ
        for (let k = 0; k < d; k++) dx[o + k] += inv[r] * (dy[o + k] * P[gain + k] - m1 - xh[o + k] * m2);
      }
    },
  };
};
