import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { buildOne, checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

describe('Conv2D builder', () => {
  checkBuilds([
    ['conv2d', [[5, 5, 1]], { filters: 8, kernel: 3 }, [5, 5, 8], 80], // 3·3·1·8 + 8
    ['conv2d', [[6, 6, 2]], { filters: 3, kernel: 2, stride: 2, padding: 'valid' }, [3, 3, 3], 27], // 2·2·2·3 + 3
  ]);
  const { build } = useBuilders();

  it('with an all-ones 2×2 kernel sums each window, plus bias', () => {
    const n = build('conv2d', [[2, 3, 1]], { filters: 1, kernel: 2, padding: 'valid', activation: 'linear' });
    tf.tidy(() => {
      n.built.variables[0].assign(tf.ones([2, 2, 1, 1]));
      n.built.variables[1].assign(tf.tensor1d([0.5]));
    });
    // [[1 2 3], [4 5 6]] → windows (1+2+4+5, 2+3+5+6) = (12, 16)
    for (const training of [true, false]) {
      tf.tidy(() => close(values(n.built.forward([tf.tensor4d([1, 2, 3, 4, 5, 6], [1, 2, 3, 1])], training, 0)), [12.5, 16.5]));
    }
  });

  it('initialises from the seed: same seed same weights, another seed others', () => {
    const read = (seed: number) => {
      const n = buildOne('conv2d', [[4, 4, 2]], { filters: 3 }, seed);
      const w = Array.from(n.built.variables[0].dataSync());
      n.free();
      return w;
    };
    expect(read(1)).toEqual(read(1));
    expect(read(1)).not.toEqual(read(2));
    // relu → He-uniform: |w| ≤ √(6 / fanIn), fanIn = 3·3·2 = 18
    expect(Math.max(...read(1).map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 18));
  });
});
