import * as tf from '@tensorflow/tfjs-core';
import { describe, it } from 'vitest';
import { checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

describe('MaxPool2D builder', () => {
  checkBuilds([['maxpool2d', [[4, 4, 2]], {}, [2, 2, 2], 0]]);
  const { build } = useBuilders();

  it('2×2 stride 2 picks each window’s maximum', () => {
    const n = build('maxpool2d', [[4, 4, 1]]);
    // 0..15 row-major: windows {0,1,4,5} {2,3,6,7} {8,9,12,13} {10,11,14,15}
    tf.tidy(() => close(values(n.built.forward([tf.reshape(tf.range(0, 16), [1, 4, 4, 1])], false, 0)), [5, 7, 13, 15]));
  });
});
