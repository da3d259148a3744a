/** Dense kernel: act(x·W + b), W [fanIn, units] Glorot from the node's stream, b zeros (the tfjs builder's layout). */
import { glorotUniform } from '../../train/init';
import { activationBackward, denseBackward, denseForward, type Act } from '../../train/fast/kernels';
import type { FastKernel, FastLayer } from '../../train/fast/kernel';
import type { FastContext } from '../../train/fast/kernel';

/** A dense layer of `units` with activation `act` on the node's single vector input (shared by Dense and the head). */
export function denseLayer(ctx: FastContext, units: number, act: Act): FastLayer {
  const fanIn = ctx.inShapes[0][0];
  const wOff = ctx.param([fanIn, units], glorotUniform(fanIn, units, ctx.rng));
  const bOff = ctx.param([units], 0);
  return {
    macs: fanIn * units,
    forward(io, P) {
      denseForward(io.ins[0], io.B, fanIn, units, P, wOff, bOff, act, io.outs[0]);
    },
    backward(io, P, G) {
      const d = io.dOuts[0];
      activationBackward(d, io.outs[0], io.B * units, act);
      denseBackward(io.ins[0], io.B, fanIn, units, P, G, wOff, bOff, d, io.dIns[0]);
    },
  };
}

export const kernel: FastKernel = (ctx) => denseLayer(ctx, Number(ctx.params.units), ctx.params.activation as Act);
