/** Reshape builder (Flatten reuses it): [batch, …outShape], row-major; the batch axis is kept. */
import * as tf from '@tensorflow/tfjs-core';
import type { NodeBuilder } from '../../train/layers/common';

export const builder: NodeBuilder = (ctx) => ({
  variables: [],
  forward: (inputs) => tf.reshape(inputs[0], [inputs[0].shape[0], ...ctx.outShape]),
});
