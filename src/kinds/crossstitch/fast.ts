/** Cross-stitch kernel: out_i = Σ_j a_ij·x_j over T equally shaped streams, a [T, T] (the tfjs builder's init and layout). */
import type { FastKernel } from '../../train/fast/kernel';
import { sizeOf } from '../../train/fast/kernel';
import { numbered, taskRows } from '../../train/tables';
import { CROSS_STITCH_TABLE, crossStitchInit } from './spec';

export const kernel: FastKernel = (ctx) => {
  const t = ctx.inShapes.length;
  const size = sizeOf(ctx.inShapes[0]);
  const aOff = ctx.param([t, t], crossStitchInit(t));
  return {
    macs: t * t * size,
    forward(io, P) {
      const n = io.B * size;
      for (let i = 0; i < t; i++) {
        const out = io.outs[i];
        out.fill(0, 0, n);
        for (let j = 0; j < t; j++) {
          const a = P[aOff + i * t + j];
          const x = io.ins[j];
          for (let e = 0; e < n; e++) out[e] += a * x[e];
        }
      }
    },
    backward(io, P, G) {
      const n = io.B * size;
      for (let i = 0; i < t; i++) {
        const d = io.dOuts[i];
        for (let j = 0; j < t; j++) {
          const x = io.ins[j];
          const dx = io.dIns[j];
          const a = P[aOff + i * t + j];
          let g = 0;
          if (dx) {
            for (let e = 0; e < n; e++) {
              g += d[e] * x[e];
              dx[e] += a * d[e];
            }
          } else for (let e = 0; e < n; e++) g += d[e] * x[e];
          G[aOff + i * t + j] += g;
        }
      }
    },
    inspect: (_io, P) => ({
      ...CROSS_STITCH_TABLE,
      rowLabels: taskRows(ctx.tasks),
      colLabels: numbered('in ', t),
      rows: t,
      cols: t,
      values: Array.from(P.subarray(aOff, aOff + t * t)),
    }),
  };
};
