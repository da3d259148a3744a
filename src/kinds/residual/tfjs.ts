/** Residual block builder: y = act(x + W₂·act(W₁·x + b₁) + b₂); W₁, W₂ [D, D] (He for relu/elu, else Glorot), zero biases. */
import * as tf from '@tensorflow/tfjs-core';
import { activate, denseForward, filledVariable, initWeights, makeVariable, nodeRng, type NodeBuilder } from '../../train/layers/common';

export const builder: NodeBuilder = (ctx) => {
  const d = ctx.inShapes[0][0];
  const activation = String(ctx.params.activation);
  const rng = nodeRng(ctx);
  const w1 = makeVariable(initWeights(d * d, d, d, activation, rng), [d, d]);
  const b1 = filledVariable([d], 0);
  const w2 = makeVariable(initWeights(d * d, d, d, activation, rng), [d, d]);
  const b2 = filledVariable([d], 0);
  return {
    variables: [w1, b1, w2, b2],
    forward: (inputs, training) => {
      const x = inputs[0];
      const h = denseForward(x, w1, b1, activation, training);
      return activate(tf.add(x, denseForward(h, w2, b2, 'linear', training)), activation);
    },
  };
};
