/**
 * Conv2D kernel over NHWC maps (the tfjs builder's layout and maths): act(conv(x, W) + b), W [k, k, C, F]
 * (He for relu/elu, else Glorot, from the node's stream), b [F] zeros, TensorFlow's 'same'/'valid' padding.
 * Forward is im2col + gemm: cols [B·oh·ow, k·k·C] (columns in W's (ky, kx, c) order) times W [k·k·C, F] gives
 * the output [B·oh·ow, F] row-major, which is NHWC. Backward: dW += colsᵀ·dY, db += Σ dY, dX = col2im(dY·Wᵀ).
 * cols (kept from forward for dW) and dCols are made once per batch size.
 */
import { windowOut } from '../../model/nodes/spec';
import { initWeights } from '../../train/init';
import { gemm } from '../../train/fast/gemm';
import { activationBackward, applyActivation, type Act } from '../../train/fast/kernels';
import type { FastKernel } from '../../train/fast/kernel';

/** One axis of a sliding window: output length and the zeros before the first input (TensorFlow's rule: 'same' pads ⌊total / 2⌋ before, the rest after). */
export function windowAxis(n: number, k: number, stride: number, padding: string): { out: number; before: number } {
  const out = windowOut(n, k, stride, padding);
  const before = padding === 'same' ? Math.floor(Math.max(0, (out - 1) * stride + k - n) / 2) : 0;
  return { out, before };
}

/** cols[(b·oh + oy)·ow + ox, (ky·k + kx)·C + c] = x[b, oy·s − pt + ky, ox·s − pl + kx, c], zero outside the map. */
export function im2col(x: Float32Array, B: number, H: number, W: number, C: number, k: number, s: number, pt: number, pl: number, oh: number, ow: number, cols: Float32Array): void {
  const K = k * k * C;
  let r = 0;
  for (let b = 0; b < B; b++) {
    const xb = b * H * W * C;
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++, r++) {
        let o = r * K;
        for (let ky = 0; ky < k; ky++) {
          const iy = oy * s - pt + ky;
          if (iy < 0 || iy >= H) {
            cols.fill(0, o, o + k * C);
            o += k * C;
            continue;
          }
          const xr = xb + iy * W * C;
          for (let kx = 0; kx < k; kx++) {
            const ix = ox * s - pl + kx;
            if (ix < 0 || ix >= W) cols.fill(0, o, o + C);
            else {
              const xi = xr + ix * C;
              for (let c = 0; c < C; c++) cols[o + c] = x[xi + c];
            }
            o += C;
          }
        }
      }
    }
  }
}

/** The adjoint of im2col: dx[b, iy, ix, c] += every dCols entry im2col read from there. */
export function col2im(dCols: Float32Array, B: number, H: number, W: number, C: number, k: number, s: number, pt: number, pl: number, oh: number, ow: number, dx: Float32Array): void {
  const K = k * k * C;
  let r = 0;
  for (let b = 0; b < B; b++) {
    const xb = b * H * W * C;
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++, r++) {
        let o = r * K;
        for (let ky = 0; ky < k; ky++) {
          const iy = oy * s - pt + ky;
          if (iy < 0 || iy >= H) {
            o += k * C;
            continue;
          }
          const xr = xb + iy * W * C;
          for (let kx = 0; kx < k; kx++) {
            const ix = ox * s - pl + kx;
            if (ix >= 0 && ix < W) {
              const xi = xr + ix * C;
              for (let c = 0; c < C; c++) dx[xi + c] += dCols[o + c];
            }
            o += C;
          }
        }
      }
    }
  }
}

export const kernel: FastKernel = (ctx) => {
  const [H, W, C] = ctx.inShapes[0];
  const k = Number(ctx.params.kernel);
  const F = Number(ctx.params.filters);
  const s = Number(ctx.params.stride);
  const pad = String(ctx.params.padding);
  const act = String(ctx.params.activation) as Act;
  const { out: oh, before: pt } = windowAxis(H, k, s, pad);
  const { out: ow, before: pl } = windowAxis(W, k, s, pad);
  const K = k * k * C;
  const M = oh * ow;
  const wOff = ctx.param([k, k, C, F], initWeights(K * F, K, k * k * F, act, ctx.rng));
  const bOff = ctx.param([F], 0);
  return {
    macs: M * F * K,
    // cols (forward, kept for dW) and dCols (backward)
    scratch: (B) => [new Float32Array(B * M * K), new Float32Array(B * M * K)],
    forward(io, P) {
      const [cols] = io.scratch;
      const y = io.outs[0];
      const rows = io.B * M;
      im2col(io.ins[0], io.B, H, W, C, k, s, pt, pl, oh, ow, cols);
      gemm(rows, F, K, cols, 0, false, P, wOff, false, y, 0, false);
      for (let r = 0; r < rows; r++) {
        const o = r * F;
        for (let f = 0; f < F; f++) y[o + f] += P[bOff + f];
      }
      applyActivation(y, rows * F, act);
    },
    backward(io, P, G) {
      const [cols, dCols] = io.scratch;
      const d = io.dOuts[0];
      const rows = io.B * M;
      activationBackward(d, io.outs[0], rows * F, act);
      for (let r = 0; r < rows; r++) {
        const o = r * F;
        for (let f = 0; f < F; f++) G[bOff + f] += d[o + f];
      }
      // dW [K, F] += colsᵀ [K, rows] · dY [rows, F]
      gemm(K, F, rows, cols, 0, true, d, 0, false, G, wOff, true);
      const dx = io.dIns[0];
      if (!dx) return;
      // dCols [rows, K] = dY [rows, F] · Wᵀ (W stored [K, F])
      gemm(rows, K, F, d, 0, false, P, wOff, true, dCols, 0, false);
      col2im(dCols, io.B, H, W, C, k, s, pt, pl, oh, ow, dx);
    },
  };
};
