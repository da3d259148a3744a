/**
 * Conv2D kernel over NHWC maps (the tfjs builder's layout and maths): act(conv(x, W) + b), W [k, k, C, F]
 * (He for relu/elu, else Glorot, from the node's stream), b [F] zeros, TensorFlow's 'same'/'valid' padding.
 * Forward is im2col + gemm per example: cols [k·k·C, oh·ow] (rows in W's (ky, kx, c) order), yᵀ = Wᵀ·cols
 * [F, oh·ow], written back as NHWC rows with the bias. Backward: dW += cols·dY, db += Σ dY, dX = col2im(W·dYᵀ).
 * The positions run along the gemms' inner loops (long and contiguous; F is often 10–20). cols (kept from
 * forward for dW) and the per-example buffers are made once per batch size.
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

/**
 * One example's columns, transposed (channel-major, as classic im2col): cols[(ky·k + kx)·C + c, oy·ow + ox] =
 * x[oy·s − pt + ky, ox·s − pl + kx, c] of the example at x[xOff …], zero outside the map.
 */
export function im2col(x: Float32Array, xOff: number, H: number, W: number, C: number, k: number, s: number, pt: number, pl: number, oh: number, ow: number, cols: Float32Array, cOff: number): void {
  const M = oh * ow;
  for (let ky = 0; ky < k; ky++) {
    for (let kx = 0; kx < k; kx++) {
      for (let c = 0; c < C; c++) {
        let o = cOff + ((ky * k + kx) * C + c) * M;
        for (let oy = 0; oy < oh; oy++) {
          const iy = oy * s - pt + ky;
          if (iy < 0 || iy >= H) {
            cols.fill(0, o, o + ow);
            o += ow;
            continue;
          }
          const xr = xOff + iy * W * C + c;
          for (let ox = 0; ox < ow; ox++, o++) {
            const ix = ox * s - pl + kx;
            cols[o] = ix >= 0 && ix < W ? x[xr + ix * C] : 0;
          }
        }
      }
    }
  }
}

/** The adjoint of im2col for one example: dx[iy, ix, c] (at dx[xOff …]) += every dCols entry im2col read from there. */
export function col2im(dCols: Float32Array, H: number, W: number, C: number, k: number, s: number, pt: number, pl: number, oh: number, ow: number, dx: Float32Array, xOff: number): void {
  const M = oh * ow;
  for (let ky = 0; ky < k; ky++) {
    for (let kx = 0; kx < k; kx++) {
      for (let c = 0; c < C; c++) {
        let o = ((ky * k + kx) * C + c) * M;
        for (let oy = 0; oy < oh; oy++) {
          const iy = oy * s - pt + ky;
          if (iy < 0 || iy >= H) {
            o += ow;
            continue;
          }
          const xr = xOff + iy * W * C + c;
          for (let ox = 0; ox < ow; ox++, o++) {
            const ix = ox * s - pl + kx;
            if (ix >= 0 && ix < W) dx[xr + ix * C] += dCols[o];
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
  const inSize = H * W * C;
  return {
    macs: M * F * K,
    // per example b: cols [K, M] at b·K·M (forward, kept for dW); one example's yᵀ / dYᵀ [F, M]; one example's dCols [K, M]
    scratch: (B) => [new Float32Array(B * K * M), new Float32Array(F * M), new Float32Array(K * M)],
    forward(io, P) {
      const [cols, yT] = io.scratch;
      const x = io.ins[0];
      const y = io.outs[0];
      for (let b = 0; b < io.B; b++) {
        im2col(x, b * inSize, H, W, C, k, s, pt, pl, oh, ow, cols, b * K * M);
        // yᵀ [F, M] = Wᵀ · cols (W stored [K, F]); the inner loop runs along the M positions
        gemm(F, M, K, P, wOff, true, cols, b * K * M, false, yT, 0, false);
        const yb = b * M * F;
        for (let f = 0; f < F; f++) {
          const bias = P[bOff + f];
          const t = f * M;
          for (let m = 0; m < M; m++) y[yb + m * F + f] = yT[t + m] + bias;
        }
      }
      applyActivation(y, io.B * M * F, act);
    },
    backward(io, P, G) {
      const [cols, dYT, dCols] = io.scratch;
      const d = io.dOuts[0];
      const dx = io.dIns[0];
      activationBackward(d, io.outs[0], io.B * M * F, act);
      for (let b = 0; b < io.B; b++) {
        const yb = b * M * F;
        for (let f = 0; f < F; f++) {
          const t = f * M;
          let sum = 0;
          for (let m = 0; m < M; m++) {
            const v = d[yb + m * F + f];
            dYT[t + m] = v;
            sum += v;
          }
          G[bOff + f] += sum;
        }
        // dW [K, F] += cols [K, M] · dYᵀᵀ (dYᵀ stored [F, M]): dot products along the M positions
        gemm(K, F, M, cols, b * K * M, false, dYT, 0, true, G, wOff, true);
        if (!dx) continue;
        // dCols [K, M] = W [K, F] · dYᵀ [F, M]
        gemm(K, M, F, P, wOff, false, dYT, 0, false, dCols, 0, false);
        col2im(dCols, H, W, C, k, s, pt, pl, oh, ow, dx, b * inSize);
      }
    },
  };
};
