/** Cross-stitch builder: a [T, T] mixing matrix; out_i = Σ_j a_ij·x_j over T equally shaped streams (any rank). */
import * as tf from '@tensorflow/tfjs-core';
import { makeVariable, type NodeBuilder } from '../../train/layers/common';
import { numbered, taskRows, unstack } from '../../train/layers/multitask';
import { CROSS_STITCH_TABLE, crossStitchInit } from './spec';

export { crossStitchInit } from './spec';

export const builder: NodeBuilder = (ctx) => {
  const t = ctx.inShapes.length;
  const a = makeVariable(crossStitchInit(t), [t, t]);
  const size = ctx.inShapes[0].reduce((p, d) => p * d, 1);
  return {
    variables: [a],
    inspect: () => ({
      ...CROSS_STITCH_TABLE,
      rowLabels: taskRows(ctx),
      colLabels: numbered('in ', t),
      values: tf.clone(a) as tf.Tensor2D,
    }),
    forward: (inputs) => {
      const b = inputs[0].shape[0];
      const x = tf.stack(inputs.map((v) => tf.reshape(v, [b * size]))) as tf.Tensor2D; // [T, B·size]
      return unstack(tf.matMul(a as tf.Tensor2D, x)).map((y) => tf.reshape(y, [b, ...ctx.inShapes[0]]));
    },
  };
};
