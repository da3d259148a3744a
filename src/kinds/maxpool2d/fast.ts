/**
 * MaxPool2D kernel over NHWC maps (tf.maxPool's maths): the largest value of each pool×pool window per channel,
 * TensorFlow's 'same'/'valid' padding (padding never wins). The first maximum in window order (rows, then
 * columns) wins, as tfjs's MaxPoolGrad picks it; forward keeps its position for backward.
 */
import { windowAxis } from '../conv2d/fast';
import type { FastKernel } from '../../train/fast/kernel';

export const kernel: FastKernel = (ctx) => {
  const [H, W, C] = ctx.inShapes[0];
  const p = Number(ctx.params.pool);
  const s = Number(ctx.params.stride);
  const pad = String(ctx.params.padding);
  const { out: oh, before: pt } = windowAxis(H, p, s, pad);
  const { out: ow, before: pl } = windowAxis(W, p, s, pad);
  const inSize = H * W * C;
  const outSize = oh * ow * C;
  // The argmax is kept as an index within the example in a Float32Array: exact up to 2²⁴.
  if (inSize > 1 << 24) throw new Error(`MaxPool2D input ${H}×${W}×${C} is too large for the JS engine`);
  return {
    macs: 0,
    // argmax per output entry: the input index within its example
    scratch: (B) => [new Float32Array(B * outSize)],
    forward(io) {
      const [arg] = io.scratch;
      const x = io.ins[0];
      const y = io.outs[0];
      let o = 0;
      for (let b = 0; b < io.B; b++) {
        const xb = b * inSize;
        for (let oy = 0; oy < oh; oy++) {
          const y0 = Math.max(0, oy * s - pt);
          const y1 = Math.min(H, oy * s - pt + p);
          for (let ox = 0; ox < ow; ox++) {
            const x0 = Math.max(0, ox * s - pl);
            const x1 = Math.min(W, ox * s - pl + p);
            for (let c = 0; c < C; c++, o++) {
              let best = -Infinity;
              let at = (y0 * W + x0) * C + c;
              for (let iy = y0; iy < y1; iy++) {
                for (let ix = x0; ix < x1; ix++) {
                  const i = (iy * W + ix) * C + c;
                  const v = x[xb + i];
                  if (v > best) {
                    best = v;
                    at = i;
                  }
                }
              }
              y[o] = best;
              arg[o] = at;
            }
          }
        }
      }
    },
    backward(io) {
      const dx = io.dIns[0];
      if (!dx) return;
      const [arg] = io.scratch;
      const d = io.dOuts[0];
      for (let b = 0; b < io.B; b++) {
        const xb = b * inSize;
        const ob = b * outSize;
        for (let j = 0; j < outSize; j++) dx[xb + arg[ob + j]] += d[ob + j];
      }
    },
  };
};
