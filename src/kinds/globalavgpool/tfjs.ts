/** Global average pool builder: mean over every axis but batch and the last: [B, H, W, C] → [B, C], [B, L, D] → [B, D]. */
import * as tf from '@tensorflow/tfjs-core';
import type { NodeBuilder } from '../../train/layers/common';

export const builder: NodeBuilder = (ctx) => {
  const axes = ctx.inShapes[0].slice(0, -1).map((_, i) => i + 1);
  return { variables: [], forward: (inputs) => tf.mean(inputs[0], axes) };
};
