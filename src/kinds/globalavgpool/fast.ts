/** Global average pool kernel: the mean of each channel (last axis) over every other axis; [B, …, C] → [B, C]. */
import { sizeOf, type FastKernel } from '../../train/fast/kernel';

export const kernel: FastKernel = (ctx) => {
  const shape = ctx.inShapes[0];
  const C = shape[shape.length - 1];
  const n = sizeOf(shape) / C;
  return {
    macs: 0,
    forward(io) {
      const x = io.ins[0];
      const y = io.outs[0];
      for (let b = 0; b < io.B; b++) {
        const xb = b * n * C;
        const yb = b * C;
        for (let c = 0; c < C; c++) y[yb + c] = 0;
        for (let q = 0; q < n; q++) for (let c = 0; c < C; c++) y[yb + c] += x[xb + q * C + c];
        for (let c = 0; c < C; c++) y[yb + c] /= n;
      }
    },
    backward(io) {
      const dx = io.dIns[0];
      if (!dx) return;
      const d = io.dOuts[0];
      for (let b = 0; b < io.B; b++) {
        const xb = b * n * C;
        const yb = b * C;
        for (let q = 0; q < n; q++) for (let c = 0; c < C; c++) dx[xb + q * C + c] += d[yb + c] / n;
      }
    },
  };
};
