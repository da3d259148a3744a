/** Residual block kernel: y = act(x + W₂·act(W₁·x + b₁) + b₂), W₁, W₂ [D, D] (He for relu/elu, else Glorot), zero biases. */
import { activationBackward, applyActivation, denseBackward, denseForward, type Act } from '../../train/fast/kernels';
import type { FastKernel } from '../../train/fast/kernel';
import { initWeights } from '../../train/init';

export const kernel: FastKernel = (ctx) => {
  const d = ctx.inShapes[0][0];
  const act = String(ctx.params.activation) as Act;
  const w1 = ctx.param([d, d], initWeights(d * d, d, d, act, ctx.rng));
  const b1 = ctx.param([d], 0);
  const w2 = ctx.param([d, d], initWeights(d * d, d, d, act, ctx.rng));
  const b2 = ctx.param([d], 0);
  return {
    macs: 2 * d * d,
    // h (kept for backward), dh [B·D]
    scratch: (B) => [new Float32Array(B * d), new Float32Array(B * d)],
    forward(io, P) {
      const B = io.B;
      const h = io.scratch[0];
      const x = io.ins[0];
      const out = io.outs[0];
      denseForward(x, B, d, d, P, w1, b1, act, h);
      denseForward(h, B, d, d, P, w2, b2, 'linear', out);
      for (let i = 0; i < B * d; i++) out[i] += x[i];
      applyActivation(out, B * d, act);
    },
    backward(io, P, G) {
      const B = io.B;
      const [h, dh] = io.scratch;
      const dPre = io.dOuts[0];
      const dx = io.dIns[0];
      activationBackward(dPre, io.outs[0], B * d, act);
      if (dx) for (let i = 0; i < B * d; i++) dx[i] += dPre[i];
      dh.fill(0);
      denseBackward(h, B, d, d, P, G, w2, b2, dPre, dh);
      activationBackward(dh, h, B * d, act);
      denseBackward(io.ins[0], B, d, d, P, G, w1, b1, dh, dx);
    },
  };
};
