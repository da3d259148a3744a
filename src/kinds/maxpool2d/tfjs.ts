/** MaxPool2D builder over [batch, H, W, C] tensors (NHWC). */
import * as tf from '@tensorflow/tfjs-core';
import type { NodeBuilder } from '../../train/layers/common';

export const builder: NodeBuilder = (ctx) => {
  const pool = Number(ctx.params.pool);
  const stride = Number(ctx.params.stride);
  const pad = String(ctx.params.padding) as 'same' | 'valid';
  return { variables: [], forward: (inputs) => tf.maxPool(inputs[0] as tf.Tensor4D, pool, stride, pad) };
};
