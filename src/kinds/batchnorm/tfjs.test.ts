import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { buildOne, checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

describe('BatchNorm builder', () => {
  checkBuilds([
    ['batchnorm', [[4, 4, 3]], {}, [4, 4, 3], 6], // gamma + beta: 2·3 (running mean/var, 2·3 more, are not trainable)
    ['batchnorm', [[7]], {}, [7], 14], // 2·7
  ]);
  const { build } = useBuilders();

  it('normalises with batch stats while training and running stats at eval, updated once per step', () => {
    const n = build('batchnorm', [[2]]);
    expect(n.built.variables.length).toBe(2); // gamma, beta only
    const x = tf.tensor2d([
      [1, 10],
      [3, 30],
      [5, 50],
    ]); // column means 3, 30; biased variances 8/3, 800/3
    // Fresh: running mean 0, variance 1 → eval output = x / √(1 + 0.001)
    tf.tidy(() => close(values(n.built.forward([x], false, 0)), values(x).map((v) => v / Math.sqrt(1.001)), 4));
    // Training output uses the batch: (x − mean) / √(var + ε) per column
    tf.tidy(() => {
      const y = n.built.forward([x], true, 0);
      const s1 = Math.sqrt(8 / 3 + 1e-3);
      close(values(y).filter((_, i) => i % 2 === 0), [-2 / s1, 0, 2 / s1], 4);
    });
    // Three more training passes: steps 0 (again: no update), 1 and 2 → running mean = 3·(1 − 0.99³) for column 0
    tf.tidy(() => [0, 1, 2].forEach((s) => n.built.forward([x], true, s)));
    const rm = 3 * (1 - 0.99 ** 3);
    const rv = 0.99 ** 3 + (8 / 3) * (1 - 0.99 ** 3);
    tf.tidy(() => {
      const y = values(n.built.forward([x], false, 3));
      close([y[0], y[2], y[4]], [1, 3, 5].map((v) => (v - rm) / Math.sqrt(rv + 1e-3)), 4);
    });
    x.dispose();
  });

  it('frees its running statistics on dispose', () => {
    const before = tf.memory().numTensors;
    const n = buildOne('batchnorm', [[4, 4, 3]]);
    expect(tf.memory().numTensors).toBe(before + 4); // gamma, beta, running mean, running variance
    n.free();
    expect(tf.memory().numTensors).toBe(before);
  });
});
