/**
 * Task-aware multi-head attention builder: the input is read as L tokens of width d; keys and values
 * Wk, Wv [d, dm]; one learned query per task Q [T, dm]; H heads of width dm/H; scaled dot-product
 * softmax over tokens; output projection Wo [dm, dm], bo [dm]. Parameters: 2·d·dm + T·dm + dm² + dm.
 */
import * as tf from '@tensorflow/tfjs-core';
import { filledVariable, initWeights, makeVariable, matMulTrained, nodeRng, type NodeBuilder } from '../../train/layers/common';
import { unstack } from '../../train/layers/multitask';
import { tamTokens } from './spec';

export const builder: NodeBuilder = (ctx) => {
  const tok = tamTokens(ctx.params, ctx.inShapes);
  if (typeof tok === 'string') throw new Error(tok);
  const [len, d] = tok;
  const heads = Number(ctx.params.heads);
  const dm = Number(ctx.params.dModel);
  const dh = dm / heads;
  const t = ctx.tasks.length;
  const rng = nodeRng(ctx);
  const wk = makeVariable(initWeights(d * dm, d, dm, 'linear', rng), [d, dm]);
  const wv = makeVariable(initWeights(d * dm, d, dm, 'linear', rng), [d, dm]);
  const q = makeVariable(initWeights(t * dm, dm, t, 'linear', rng), [t, dm]);
  const wo = makeVariable(initWeights(dm * dm, dm, dm, 'linear', rng), [dm, dm]);
  const bo = filledVariable([dm], 0);

  /** tokens·W split into heads: [B·H, L, dh]. */
  const project = (tokens: tf.Tensor, w: tf.Variable, b: number) =>
    tf.reshape(tf.transpose(tf.reshape(matMulTrained(tokens, w), [b, len, heads, dh]), [0, 2, 1, 3]), [b * heads, len, dh]) as tf.Tensor3D;

  return {
    variables: [wk, wv, q, wo, bo],
    forward: (inputs) => {
      const x = inputs[0];
      const b = x.shape[0];
      const tokens = tf.reshape(x, [b * len, d]);
      const k = project(tokens, wk, b);
      const v = project(tokens, wv, b);
      const qh = tf.transpose(tf.reshape(q, [t, heads, dh]), [1, 0, 2]); // [H, T, dh]
      const qb = tf.reshape(tf.tile(tf.expandDims(qh, 0), [b, 1, 1, 1]), [b * heads, t, dh]) as tf.Tensor3D;
      // Attention weights [B·H, T, L], softmax over tokens.
      const a = tf.softmax(tf.mul(tf.matMul(qb, k, false, true), 1 / Math.sqrt(dh))) as tf.Tensor3D;
      const o = tf.reshape(tf.transpose(tf.reshape(tf.matMul(a, v), [b, heads, t, dh]), [0, 2, 1, 3]), [b * t, dm]); // heads joined per task
      const y = tf.reshape(tf.add(matMulTrained(o, wo), bo), [b, t, dm]);
      return unstack(y, 1);
    },
  };
};
