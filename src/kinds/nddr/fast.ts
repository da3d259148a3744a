/** NDDR kernel: y = act(concat_j x_j · W) per position, task i's output = column block i (the tfjs builder's layout and init). */
import type { FastKernel } from '../../train/fast/kernel';
import { sizeOf } from '../../train/fast/kernel';
import { activationBackward, denseBackward, denseForward, type Act } from '../../train/fast/kernels';
import { numbered, taskRows } from '../../train/tables';
import { NDDR_TABLE, nddrInit, nddrMixing } from './spec';

export const kernel: FastKernel = (ctx) => {
  const t = ctx.inShapes.length;
  const shape = ctx.inShapes[0];
  const c = shape[shape.length - 1];
  const pos = sizeOf(shape) / c; // positions per example (1 for vectors, H·W for maps)
  const n = t * c;
  const act = String(ctx.params.activation) as Act;
  const wOff = ctx.param([n, n], nddrInit(t, c, Number(ctx.params.alpha)));
  /** Copies T streams [rows, C] into their concatenation X [rows, T·C]. */
  const gather = (xs: Float32Array[], X: Float32Array, rows: number) => {
    for (let j = 0; j < t; j++) {
      const x = xs[j];
      for (let r = 0; r < rows; r++) for (let k = 0; k < c; k++) X[r * n + j * c + k] = x[r * c + k];
    }
  };
  return {
    macs: pos * n * n,
    // X (concatenated inputs), Y (activated outputs, kept for backward), dY, dX
    scratch: (B) => [0, 1, 2, 3].map(() => new Float32Array(B * pos * n)),
    forward(io, P) {
      const [X, Y] = io.scratch;
      const rows = io.B * pos;
      gather(io.ins, X, rows);
      denseForward(X, rows, n, n, P, wOff, -1, act, Y);
      for (let i = 0; i < t; i++) {
        const out = io.outs[i];
        for (let r = 0; r < rows; r++) for (let k = 0; k < c; k++) out[r * c + k] = Y[r * n + i * c + k];
      }
    },
    backward(io, P, G) {
      const [X, Y, dY, dX] = io.scratch;
      const rows = io.B * pos;
      gather(io.dOuts, dY, rows);
      activationBackward(dY, Y, rows * n, act);
      let wantX = false;
      for (let j = 0; j < t; j++) if (io.dIns[j]) wantX = true;
      if (wantX) dX.fill(0, 0, rows * n);
      denseBackward(X, rows, n, n, P, G, wOff, -1, dY, wantX ? dX : null);
      if (!wantX) return;
      for (let j = 0; j < t; j++) {
        const dx = io.dIns[j];
        if (dx) for (let r = 0; r < rows; r++) for (let k = 0; k < c; k++) dx[r * c + k] += dX[r * n + j * c + k];
      }
    },
    inspect: (_io, P) => ({
      ...NDDR_TABLE,
      rowLabels: taskRows(ctx.tasks),
      colLabels: numbered('in ', t),
      rows: t,
      cols: t,
      values: nddrMixing(P.subarray(wOff, wOff + n * n), t, c),
    }),
  };
};
