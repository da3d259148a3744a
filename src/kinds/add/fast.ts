/** Add kernel: element-wise sum of equally shaped inputs; each input's gradient is the output's. */
import { sizeOf, type FastKernel } from '../../train/fast/kernel';

export const kernel: FastKernel = (ctx) => {
  const w = sizeOf(ctx.inShapes[0]);
  return {
    macs: 0,
    forward(io) {
      const out = io.outs[0];
      const n = io.B * w;
      out.set(io.ins[0].subarray(0, n));
      for (let s = 1; s < io.ins.length; s++) {
        const x = io.ins[s];
        for (let i = 0; i < n; i++) out[i] += x[i];
      }
    },
    backward(io) {
      const d = io.dOuts[0];
      const n = io.B * w;
      for (const dx of io.dIns) if (dx) for (let i = 0; i < n; i++) dx[i] += d[i];
    },
  };
};
