/**
 * Dropout kernel: while training, each unit is kept with probability 1 − rate and scaled by 1/(1 − rate);
 * the identity at evaluation. Masks come from (seed, node, step) only, so reruns draw the same masks (the JS
 * engine's own stream: tfjs's dropout draws differently, so the engines agree only in distribution).
 */
import { sizeOf, stepRng, type FastKernel } from '../../train/fast/kernel';

export const kernel: FastKernel = (ctx) => {
  const rate = Number(ctx.params.rate);
  const w = sizeOf(ctx.inShapes[0]);
  const seed = ctx.seedFor('dropout');
  return {
    macs: 0,
    scratch: (B) => [new Float32Array(B * w)],
    forward(io) {
      const x = io.ins[0];
      const out = io.outs[0];
      const n = io.B * w;
      if (!io.training || rate === 0) {
        out.set(x.subarray(0, n));
        return;
      }
      const mask = io.scratch[0];
      const rng = stepRng(seed, io.step);
      const keep = 1 / (1 - rate);
      for (let i = 0; i < n; i++) {
        mask[i] = rng.next() < rate ? 0 : keep;
        out[i] = x[i] * mask[i];
      }
    },
    backward(io) {
      const dx = io.dIns[0];
      if (!dx) return;
      const d = io.dOuts[0];
      const n = io.B * w;
      if (!io.training || rate === 0) for (let i = 0; i < n; i++) dx[i] += d[i];
      else {
        const mask = io.scratch[0];
        for (let i = 0; i < n; i++) dx[i] += d[i] * mask[i];
      }
    },
  };
};
