import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { checkBuilds, close, useBuilders, values } from '../../train/layers/testing';
import { nddrInit, nddrMixing } from './spec';

// Three tasks (side, zone, height), so the layer has three streams and three outputs. Scalar counts by hand:
describe('NDDR builder', () => {
  checkBuilds([
    ['nddr', [[4], [4], [4]], {}, [4], 144], // (T·C)² = 12²
    ['nddr', [[2, 2, 1], [2, 2, 1], [2, 2, 1]], {}, [2, 2, 1], 9],
  ]);
  const { build } = useBuilders();

  it('starts at α on the own channel, (1 − α)/(T − 1) on the other streams’ same channel, 0 elsewhere', () => {
    // T = 2, C = 2: rows are concat channels (s0c0, s0c1, s1c0, s1c1), columns (t0c0, t0c1, t1c0, t1c1)
    close(Array.from(nddrInit(2, 2, 0.9)), [0.9, 0, 0.1, 0, 0, 0.9, 0, 0.1, 0.1, 0, 0.9, 0, 0, 0.1, 0, 0.9]);
    close(Array.from(nddrInit(3, 1, 0.8)), [0.8, 0.1, 0.1, 0.1, 0.8, 0.1, 0.1, 0.1, 0.8]);
    expect(Array.from(nddrInit(1, 2, 0.9))).toEqual([1, 0, 0, 1]);
    close(nddrMixing(nddrInit(3, 4, 0.7), 3, 4), [0.7, 0.15, 0.15, 0.15, 0.7, 0.15, 0.15, 0.15, 0.7]);
  });

  it('computes out_i = act(Σ_j x_j·W_ji) per position at the initial weights', () => {
    const n = build('nddr', [[2], [2], [2]], { alpha: 0.8, activation: 'linear' });
    tf.tidy(() => {
      const [a, b, c] = n.many([tf.tensor2d([[1, 2]]), tf.tensor2d([[10, 20]]), tf.tensor2d([[100, -200]])], false, 0).map(values);
      close(a, [0.8 + 1 + 10, 1.6 + 2 - 20]);
      close(b, [0.1 + 8 + 10, 0.2 + 16 - 20]);
      close(c, [0.1 + 1 + 80, 0.2 + 2 - 160]);
    });
    const r = build('nddr', [[2], [2], [2]], { alpha: 0.8, activation: 'relu' });
    tf.tidy(() => close(values(r.many([tf.tensor2d([[1, 2]]), tf.tensor2d([[10, 20]]), tf.tensor2d([[100, -200]])], false, 0)[2]), [81.1, 0]));
  });

  it('mixes channels of a feature map position by position, with a learned cross-channel weight', () => {
    const n = build('nddr', [[1, 2, 2], [1, 2, 2], [1, 2, 2]], { alpha: 1, activation: 'linear' });
    const [w] = n.built.variables;
    const init = nddrInit(3, 2, 1);
    init[1 * 6 + 0] = 0.5; // stream 0, channel 1 → task 0, channel 0
    w.assign(tf.tensor2d(init, [6, 6]));
    tf.tidy(() => {
      const x0 = tf.tensor4d([1, 2, 3, 4], [1, 1, 2, 2]);
      const x1 = tf.zeros([1, 1, 2, 2]);
      const [a] = n.many([x0, x1, x1], false, 0);
      expect(a.shape).toEqual([1, 1, 2, 2]);
      close(values(a), [1 + 1, 2, 3 + 2, 4]);
    });
  });
});
