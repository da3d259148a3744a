/** Reshape kernel (Flatten reuses it): row-major, so the values are unchanged; a copy forward, the gradient passes back. */
import { sizeOf, type FastKernel } from '../../train/fast/kernel';

export const kernel: FastKernel = (ctx) => {
  const w = sizeOf(ctx.inShapes[0]);
  return {
    macs: 0,
    forward(io) {
      io.outs[0].set(io.ins[0].subarray(0, io.B * w));
    },
    backward(io) {
      const dx = io.dIns[0];
      if (!dx) return;
      const d = io.dOuts[0];
      for (let i = 0; i < io.B * w; i++) dx[i] += d[i];
    },
  };
};
