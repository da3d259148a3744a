/** Embedding builder over [batch, L] token ids. */
import * as tf from '@tensorflow/tfjs-core';
import { initWeights, makeVariable, nodeRng, type NodeBuilder } from '../../train/layers/common';

/**
 * Table [vocab, dim] (Glorot). Ids are rounded and clamped to [0, vocab − 1] so bad data cannot crash a step.
 * The lookup has its own gradient: the table gets Σ of dy per id (oneHot(ids)ᵀ·dy: the wasm backend has no
 * UnsortedSegmentSum kernel), the ids get zeros.
 * Without it, an id input computed by a trainable node (Dense → Embedding) fails in tfjs's tape, which
 * refuses Gather's int32 gradient for its indices.
 */
export const builder: NodeBuilder = (ctx) => {
  const vocab = Number(ctx.params.vocab);
  const dim = Number(ctx.params.dim);
  const table = makeVariable(initWeights(vocab * dim, vocab, dim, 'linear', nodeRng(ctx)), [vocab, dim]);
  const lookup = tf.customGrad(((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, t, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const ids = tf.cast(tf.clipByValue(tf.round(x), 0, vocab - 1), 'int32');
    save([ids]);
    return {
      value: tf.gather(t, ids),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [
        tf.zerosLike(x),
        tf.matMul(tf.cast(tf.oneHot(tf.reshape(saved[0], [-1]) as tf.Tensor1D, vocab), 'float32'), tf.reshape(dy, [-1, dim]), true, false),
      ],
    };
  }) as Parameters<typeof tf.customGrad>[0]) as (x: tf.Tensor, t: tf.Tensor) => tf.Tensor;
  return { variables: [table], forward: (inputs) => lookup(inputs[0], table) };
};
