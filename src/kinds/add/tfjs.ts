/** Add builder: element-wise sum of equally shaped inputs. */
import * as tf from '@tensorflow/tfjs-core';
import type { NodeBuilder } from '../../train/layers/common';

export const builder: NodeBuilder = () => ({
  variables: [],
  forward: (inputs) => (inputs.length === 1 ? inputs[0] : tf.addN(inputs)),
});
