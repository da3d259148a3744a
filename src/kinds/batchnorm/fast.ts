/**
 * BatchNorm kernel (the tfjs builder's maths): per channel (the last axis) over the batch and every other axis.
 * Training normalises with the batch's mean and biased variance and moves the running statistics once per step
 * (running ← momentum·running + (1 − momentum)·batch); evaluation normalises with the running statistics.
 * Parameters gamma (ones), beta (zeros); state: running mean (zeros), running variance (ones).
 */
import { sizeOf, type FastKernel } from '../../train/fast/kernel';
import { BATCHNORM_EPS } from './spec';

export const kernel: FastKernel = (ctx) => {
  const shape = ctx.inShapes[0];
  const c = shape[shape.length - 1];
  const perRow = sizeOf(shape) / c;
  const momentum = Number(ctx.params.momentum);
  const gamma = ctx.param([c], 1);
  const beta = ctx.param([c], 0);
  const runMean = ctx.state([c], 0);
  const runVar = ctx.state([c], 1);
  let updatedAt = -1;
  return {
    macs: 0,
    // x̂ [R·C]; per channel: mean, 1/σ, and backward's Σdy, Σdy·x̂
    scratch: (B) => [new Float32Array(B * perRow * c), new Float32Array(c), new Float32Array(c), new Float32Array(c), new Float32Array(c)],
    forward(io, P, S) {
      const [xh, mean, inv] = io.scratch;
      const x = io.ins[0];
      const out = io.outs[0];
      const R = io.B * perRow;
      if (io.training) {
        // Rounded to float32 where tfjs's moments round (sum, then mean; x − mean, its square, their sum, the mean):
        // the statistics then match tfjs's to the last bit more often, which keeps the engines' noise apart less.
        for (let k = 0; k < c; k++) {
          let sum = 0;
          for (let r = 0; r < R; r++) sum += x[r * c + k];
          mean[k] = Math.fround(sum) / R;
          let sq = 0;
          for (let r = 0; r < R; r++) {
            const e = Math.fround(x[r * c + k] - mean[k]);
            sq += Math.fround(e * e);
          }
          inv[k] = Math.fround(sq) / R;
        }
        for (let k = 0; k < c; k++) {
          const v = inv[k];
          // Per-task strategies run several passes over one batch: the statistics move once per step.
          if (io.step !== updatedAt) {
            S[runMean + k] = momentum * S[runMean + k] + (1 - momentum) * mean[k];
            S[runVar + k] = momentum * S[runVar + k] + (1 - momentum) * v;
          }
          inv[k] = 1 / Math.sqrt(v + BATCHNORM_EPS);
        }
        updatedAt = io.step;
      } else {
        for (let k = 0; k < c; k++) {
          mean[k] = S[runMean + k];
          inv[k] = 1 / Math.sqrt(S[runVar + k] + BATCHNORM_EPS);
        }
      }
      for (let r = 0; r < R; r++)
        for (let k = 0; k < c; k++) {
          const n = (x[r * c + k] - mean[k]) * inv[k];
          xh[r * c + k] = n;
          out[r * c + k] = n * P[gamma + k] + P[beta + k];
        }
    },
    backward(io, P, G) {
      const [xh, , inv, sdy, sdyx] = io.scratch;
      const dy = io.dOuts[0];
      const dx = io.dIns[0];
      const R = io.B * perRow;
      sdy.fill(0);
      sdyx.fill(0);
      for (let r = 0; r < R; r++)
        for (let k = 0; k < c; k++) {
          sdy[k] += dy[r * c + k];
          sdyx[k] += dy[r * c + k] * xh[r * c + k];
        }
      for (let k = 0; k < c; k++) {
        G[gamma + k] += sdyx[k];
        G[beta + k] += sdy[k];
      }
      if (!dx) return;
      // Training: the batch statistics depend on x, dx = γ/σ·(dy − mean(dy) − x̂·mean(dy·x̂)); evaluation: dx = γ/σ·dy.
      const train = io.training;
      for (let r = 0; r < R; r++)
        for (let k = 0; k < c; k++) {
          const g = P[gamma + k] * inv[k];
          const i = r * c + k;
          dx[i] += train ? g * (dy[i] - sdy[k] / R - xh[i] * (sdyx[k] / R)) : g * dy[i];
        }
    },
  };
};
