import * as tf from '@tensorflow/tfjs-core';
import { describe, it } from 'vitest';
import { checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

describe('Flatten builder', () => {
  checkBuilds([['flatten', [[2, 3, 2]], {}, [12], 0]]);
  const { build } = useBuilders();

  it('undoes a Reshape', () => {
    const n = build('flatten', [[2, 3, 2]]);
    tf.tidy(() => close(values(n.built.forward([tf.reshape(tf.range(0, 12), [1, 2, 3, 2])], false, 0)), [...Array(12).keys()]));
  });
});
