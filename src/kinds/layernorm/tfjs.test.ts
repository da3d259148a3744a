import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { checkBuilds, useBuilders, values } from '../../train/layers/testing';

describe('LayerNorm builder', () => {
  checkBuilds([
    ['layernorm', [[5]], {}, [5], 10], // gain + bias: 2·5
    ['layernorm', [[3, 4]], {}, [3, 4], 8], // over the last axis: 2·4
  ]);
  const { build } = useBuilders();

  it('gives each row ~zero mean and unit variance at init (gain 1, bias 0)', () => {
    const n = build('layernorm', [[6]]);
    tf.tidy(() => {
      const x = tf.add(tf.mul(tf.randomNormal([8, 6], 0, 1, 'float32', 3), 5), 7);
      const { mean, variance } = tf.moments(n.built.forward([x], true, 0), -1);
      values(mean).forEach((m) => expect(Math.abs(m)).toBeLessThan(1e-5));
      values(variance).forEach((v) => expect(v).toBeCloseTo(1, 3));
    });
  });
});
