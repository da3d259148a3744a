/** LayerNorm builder: (x − mean) / √(var + ε) over the last axis of each example, then · gain [D] (ones) + bias [D] (zeros). */
import * as tf from '@tensorflow/tfjs-core';
import { filledVariable, type NodeBuilder } from '../../train/layers/common';
import { LAYERNORM_EPS } from './spec';


export const builder: NodeBuilder = (ctx) => {
  const d = ctx.inShapes[0][ctx.inShapes[0].length - 1];
  const gain = filledVariable([d], 1);
  const bias = filledVariable([d], 0);
  return {
    variables: [gain, bias],
    forward: (inputs) => {
      const x = inputs[0];
      const { mean, variance } = tf.moments(x, -1, true);
      return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, LAYERNORM_EPS))), gain), bias);
    },
  };
};
