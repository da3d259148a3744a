/** Conv2D builder over [batch, H, W, C] tensors (NHWC, as tfjs expects). */
import * as tf from '@tensorflow/tfjs-core';
import { FUSABLE, activate, filledVariable, initWeights, makeVariable, nodeRng, type FusableActivation, type NodeBuilder } from '../../train/layers/common';

/** Kernel [k, k, C, F] (He for relu/elu, else Glorot; fan-in k·k·C, fan-out k·k·F) and zero bias [F]. */
export const builder: NodeBuilder = (ctx) => {
  const k = Number(ctx.params.kernel);
  const filters = Number(ctx.params.filters);
  const stride = Number(ctx.params.stride);
  const pad = String(ctx.params.padding) as 'same' | 'valid';
  const activation = String(ctx.params.activation);
  const c = ctx.inShapes[0][2];
  const w = makeVariable(initWeights(k * k * c * filters, k * k * c, k * k * filters, activation, nodeRng(ctx)), [k, k, c, filters]);
  const b = filledVariable([filters], 0);
  return {
    variables: [w, b],
    forward: (inputs, training) => {
      const x = inputs[0] as tf.Tensor4D;
      if (!training && FUSABLE.has(activation)) {
        return tf.fused.conv2d({ x, filter: w as tf.Tensor4D, strides: stride, pad, bias: b, activation: activation as FusableActivation });
      }
      return activate(tf.add(tf.conv2d(x, w as tf.Tensor4D, stride, pad), b), activation);
    },
  };
};
