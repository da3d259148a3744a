/** Cross-stitch builder: a [T, T] mixing matrix; out_i = Σ_j a_ij·x_j over T equally shaped streams (any rank). */
import * as tf from '@tensorflow/tfjs-core';
import { makeVariable, type NodeBuilder } from '../../train/layers/common';
import { numbered, taskRows, unstack } from '../../train/layers/multitask';

/** Cross-stitch initial matrix: 0.9 on the diagonal, 0.1/(T−1) elsewhere (rows sum to 1); [[1]] for one task. */
export function crossStitchInit(t: number): Float32Array {
  const a = new Float32Array(t * t);
  for (let i = 0; i < t; i++) for (let j = 0; j < t; j++) a[i * t + j] = t === 1 ? 1 : i === j ? 0.9 : 0.1 / (t - 1);
  return a;
}

export const builder: NodeBuilder = (ctx) => {
  const t = ctx.inShapes.length;
  const a = makeVariable(crossStitchInit(t), [t, t]);
  const size = ctx.inShapes[0].reduce((p, d) => p * d, 1);
  return {
    variables: [a],
    inspect: () => ({
      title: 'Mixing matrix α',
      note: 'Row i is output i (task i); column j is input stream j, in edge order: out_i = Σ_j α_ij·in_j. Starts at 0.9 on the diagonal.',
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
