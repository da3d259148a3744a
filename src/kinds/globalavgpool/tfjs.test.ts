import * as tf from '@tensorflow/tfjs-core';
import { describe, it } from 'vitest';
import { checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

describe('Global average pool builder', () => {
  checkBuilds([
    ['globalavgpool', [[3, 3, 4]], {}, [4], 0],
    ['globalavgpool', [[5, 6]], {}, [6], 0],
  ]);
  const { build } = useBuilders();

  it('averages each channel', () => {
    const n = build('globalavgpool', [[2, 2, 2]]);
    // channel 0: 1, 2, 3, 4 → 2.5; channel 1: 10, 20, 30, 40 → 25
    tf.tidy(() => close(values(n.built.forward([tf.tensor4d([1, 10, 2, 20, 3, 30, 4, 40], [1, 2, 2, 2])], false, 0)), [2.5, 25]));
  });
});
