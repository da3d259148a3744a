/**
 * Ensemble builder: per task t and member m (index t·N + m), an MLP relu(x·W1_tm + b1_tm)·W2_tm + b2_tm.
 * W1 [D, T·N·H] (He, one draw from the node's stream, so every member starts differently), b1 [T·N·H] zeros;
 * W2 [T·N, H, U] (Glorot), b2 [T·N, U] zeros; with combine 'learned' also logits [T, N] (zeros: equal weights).
 * out_t = Σ_m w_tm·y_tm with w_tm = 1/N (mean) or softmax_m(logits_t). Parameters: T·N·(D·H + H + H·U + U) (+ T·N).
 */
import * as tf from '@tensorflow/tfjs-core';
import { filledVariable, initWeights, makeVariable, matMulTrained, nodeRng, type NodeBuilder } from '../../train/layers/common';
import { numbered, taskRows, unstack } from '../../train/layers/multitask';

export const builder: NodeBuilder = (ctx) => {
  const d = ctx.inShapes[0][0];
  const n = Number(ctx.params.members);
  const h = Number(ctx.params.hidden);
  const u = Number(ctx.params.units);
  const t = ctx.tasks.length;
  const m = t * n;
  const rng = nodeRng(ctx);
  const w1 = makeVariable(initWeights(d * m * h, d, h, 'relu', rng), [d, m * h]);
  const b1 = filledVariable([m * h], 0);
  const w2 = makeVariable(initWeights(m * h * u, h, u, 'linear', rng), [m, h, u]);
  const b2 = filledVariable([m, u], 0);
  const logits = ctx.params.combine === 'learned' ? filledVariable([t, n], 0) : null;
  return {
    variables: logits ? [w1, b1, w2, b2, logits] : [w1, b1, w2, b2],
    ...(logits && {
      inspect: () => ({
        title: 'Member weights',
        note: 'Each task’s learned softmax weight per member (rows sum to 1; they start equal).',
        rowLabels: taskRows(ctx),
        colLabels: numbered('M', n),
        values: tf.softmax(logits) as tf.Tensor2D,
      }),
    }),
    forward: (inputs) => {
      const b = inputs[0].shape[0];
      const hid = tf.transpose(tf.reshape(tf.relu(tf.add(matMulTrained(inputs[0], w1), b1)), [b, m, h]), [1, 0, 2]); // [T·N, B, H]
      const y = tf.add(tf.matMul(hid as tf.Tensor3D, w2 as tf.Tensor3D), tf.reshape(b2, [m, 1, u])); // [T·N, B, U]
      const members = tf.reshape(y, [t, n, b * u]);
      const mixed = logits
        ? tf.matMul(tf.reshape(tf.softmax(logits), [t, 1, n]) as tf.Tensor3D, members as tf.Tensor3D) // [T, 1, B·U]
        : tf.mean(members, 1);
      return unstack(tf.reshape(mixed, [t, b, u]));
    },
  };
};
