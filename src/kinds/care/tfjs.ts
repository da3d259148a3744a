/**
 * CARE-style cross-task enhancement builder over T vector streams [D]: Wq, Wk, Wv [D, D] (Glorot);
 * out_i = x_i + Σ_{j≠i} softmax_j(q_i·k_j / √D)·v_j. One stream passes through unchanged.
 */
import * as tf from '@tensorflow/tfjs-core';
import { initWeights, makeVariable, matMulTrained, nodeRng, type NodeBuilder } from '../../train/layers/common';
import { unstack } from '../../train/layers/multitask';

export const builder: NodeBuilder = (ctx) => {
  const d = ctx.inShapes[0][0];
  const t = ctx.inShapes.length;
  const rng = nodeRng(ctx);
  const [wq, wk, wv] = [0, 1, 2].map(() => makeVariable(initWeights(d * d, d, d, 'linear', rng), [d, d]));
  // −1e9 on the diagonal: a stream attends to the others only.
  const mask = tf.tensor2d(Array.from({ length: t * t }, (_, i) => (Math.floor(i / t) === i % t ? -1e9 : 0)), [t, t]);
  return {
    variables: [wq, wk, wv],
    dispose: () => mask.dispose(),
    forward: (inputs) => {
      if (t === 1) return [inputs[0]];
      const b = inputs[0].shape[0];
      const x = tf.stack(inputs, 1) as tf.Tensor3D; // [B, T, D]
      const flat = tf.reshape(x, [b * t, d]);
      const proj = (w: tf.Variable) => tf.reshape(matMulTrained(flat, w), [b, t, d]) as tf.Tensor3D;
      const scores = tf.add(tf.mul(tf.matMul(proj(wq), proj(wk), false, true), 1 / Math.sqrt(d)), mask);
      return unstack(tf.add(x, tf.matMul(tf.softmax(scores) as tf.Tensor3D, proj(wv))), 1);
    },
  };
};
