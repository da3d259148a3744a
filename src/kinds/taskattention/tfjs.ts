/**
 * MTAN-style task attention builder over the last axis C (a vector [D] or the channels of [H, W, C], i.e. a 1×1
 * convolution): W [C, T·C] (Glorot), b [T·C] (zeros); out_t = x ⊙ σ(x·W_t + b_t) + x.
 */
import * as tf from '@tensorflow/tfjs-core';
import { filledVariable, initWeights, makeVariable, matMulTrained, nodeRng, type NodeBuilder } from '../../train/layers/common';

export const builder: NodeBuilder = (ctx) => {
  const shape = ctx.inShapes[0];
  const c = shape[shape.length - 1];
  const t = ctx.tasks.length;
  const w = makeVariable(initWeights(c * t * c, c, c, 'linear', nodeRng(ctx)), [c, t * c]);
  const b = filledVariable([t * c], 0);
  return {
    variables: [w, b],
    forward: (inputs) => {
      const x = tf.reshape(inputs[0], [-1, c]);
      const all = tf.sigmoid(tf.add(matMulTrained(x, w), b));
      // One part: skip Split (tfjs's SplitV gradient fails on a single part).
      const masks = t === 1 ? [all] : tf.split(all, t, 1);
      return masks.map((m) => tf.reshape(tf.add(tf.mul(x, m), x), inputs[0].shape));
    },
  };
};
