/** Concatenate builder: joins [batch, D_i] inputs on the feature axis, in edge order. */
import * as tf from '@tensorflow/tfjs-core';
import type { NodeBuilder } from '../../train/layers/common';

export const builder: NodeBuilder = () => ({
  variables: [],
  forward: (inputs) => (inputs.length === 1 ? inputs[0] : tf.concat(inputs, 1)),
});
