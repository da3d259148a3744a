/** Dropout builder: tfjs dropout while training (survivors scaled by 1 / (1 − rate)), the identity at evaluation. */
import * as tf from '@tensorflow/tfjs-core';
import { stepSeed, type NodeBuilder } from '../../train/layers/common';

export const builder: NodeBuilder = (ctx) => {
  const rate = Number(ctx.params.rate);
  const seedAt = stepSeed(ctx, 'dropout');
  return {
    variables: [],
    forward: (inputs, training, step) => (training && rate > 0 ? tf.dropout(inputs[0], rate, undefined, seedAt(step)) : inputs[0]),
  };
};
