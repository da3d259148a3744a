import * as tf from '@tensorflow/tfjs-core';
import { describe, it } from 'vitest';
import { checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

describe('Add builder', () => {
  checkBuilds([['add', [[3, 2], [3, 2], [3, 2]], {}, [3, 2], 0]]);
  const { build } = useBuilders();

  it('sums element-wise', () => {
    const n = build('add', [[2], [2]]);
    tf.tidy(() => close(values(n.built.forward([tf.tensor2d([[1, 2]]), tf.tensor2d([[10, 20]])], false, 0)), [11, 22]));
  });
});
