/**
 * NDDR builder (Gao et al. 2019): W [T·C, T·C], no bias; over every position of T equally shaped streams [..., C],
 * y = act(concat_j x_j · W) and task i's output is column block i. Parameters: (T·C)².
 */
import * as tf from '@tensorflow/tfjs-core';
import { activate, makeVariable, matMulTrained, type NodeBuilder } from '../../train/layers/common';
import { numbered, taskRows } from '../../train/layers/multitask';
import { NDDR_TABLE, nddrInit, nddrMixing } from './spec';

export const builder: NodeBuilder = (ctx) => {
  const t = ctx.inShapes.length;
  const shape = ctx.inShapes[0];
  const c = shape[shape.length - 1];
  const w = makeVariable(nddrInit(t, c, Number(ctx.params.alpha)), [t * c, t * c]);
  const activation = String(ctx.params.activation);
  return {
    variables: [w],
    inspect: () => ({
      ...NDDR_TABLE,
      rowLabels: taskRows(ctx),
      colLabels: numbered('in ', t),
      values: tf.tensor2d(nddrMixing(w.dataSync(), t, c), [t, t]),
    }),
    forward: (inputs) => {
      const x = tf.reshape(inputs.length === 1 ? inputs[0] : tf.concat(inputs, -1), [-1, t * c]); // [B·positions, T·C]
      const y = activate(matMulTrained(x, w), activation);
      const b = inputs[0].shape[0];
      return ctx.tasks.map((_, i) => tf.reshape(tf.slice(y, [0, i * c], [-1, c]), [b, ...shape]));
    },
  };
};
