/** Concatenate kernel: joins [B, D_i] inputs on the feature axis, in edge order. */
import { sizeOf, type FastKernel } from '../../train/fast/kernel';

export const kernel: FastKernel = (ctx) => {
  const ws = ctx.inShapes.map(sizeOf);
  const width = ws.reduce((a, b) => a + b, 0);
  return {
    macs: 0,
    forward(io) {
      const out = io.outs[0];
      let off = 0;
      for (let s = 0; s < ws.length; s++) {
        const w = ws[s];
        const x = io.ins[s];
        for (let i = 0; i < io.B; i++) for (let c = 0; c < w; c++) out[i * width + off + c] = x[i * w + c];
        off += w;
      }
    },
    backward(io) {
      const d = io.dOuts[0];
      let off = 0;
      for (let s = 0; s < ws.length; s++) {
        const w = ws[s];
        const dx = io.dIns[s];
        if (dx) for (let i = 0; i < io.B; i++) for (let c = 0; c < w; c++) dx[i * w + c] += d[i * width + off + c];
        off += w;
      }
    },
  };
};
