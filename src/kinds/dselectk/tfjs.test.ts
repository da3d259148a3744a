import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

describe('DSelect-k builder', () => {
  // N·(D·U + U) + T·k·log2 N + T·k = 4·35 + 3·2·2 + 3·2
  checkBuilds([['dselectk', [[6]], { experts: 4, units: 5, k: 2 }, [5], 158]]);
  const { build } = useBuilders();

  it('one selector over 2 experts: the smooth step S(z) is the weight of expert 2, 1 − S(z) of expert 1', () => {
    const n = build('dselectk', [[1]], { experts: 2, k: 1, units: 1, gamma: 1 });
    const [we, be, z] = n.built.variables;
    we.assign(tf.tensor2d([[1, 3]]));
    be.assign(tf.zerosLike(be));
    // tasks: z = 0 (S = 1/2), z = 0.25 (S = 3·0.25/2 − 2·0.25³ + 1/2 = 0.84375), z = 0.7 ≥ γ/2 (S = 1)
    z.assign(tf.tensor3d([0, 0.25, 0.7], [3, 1, 1]));
    tf.tidy(() => {
      const y = n.many([tf.tensor2d([[2]])], false, 0).map((v) => values(v)[0]); // experts relu(2·[1, 3]) = [2, 6]
      close(y, [4, 0.15625 * 2 + 0.84375 * 6, 6]);
      close(values(n.built.inspect!([tf.tensor2d([[2]])]).values), [0.5, 0.5, 0.15625, 0.84375, 0, 1]);
    });
  });

  it('k = 2 over 4 experts: saturated codes pick experts 11 and 01 (most significant bit first), mixed by softmax(w)', () => {
    const n = build('dselectk', [[1]], { experts: 4, k: 2, units: 1, gamma: 1 });
    const [we, be, z, w] = n.built.variables;
    we.assign(tf.tensor2d([[1, 2, 3, 4]]));
    be.assign(tf.zerosLike(be));
    z.assign(tf.tensor3d(Array.from({ length: 3 }, () => [[1, 1], [-1, 1]]))); // S = [1, 1] → E4, S = [0, 1] → E2
    w.assign(tf.tensor2d(Array.from({ length: 3 }, () => [Math.log(3), 0]))); // softmax [3/4, 1/4]
    tf.tidy(() => {
      for (const y of n.many([tf.tensor2d([[1]])], false, 0)) close(values(y), [0.75 * 4 + 0.25 * 2]);
      close(values(n.built.inspect!([tf.tensor2d([[1]])]).values).slice(0, 4), [0, 0.25, 0, 0.75]);
    });
  });

  it('draws z in ±γ/100 and w in ±0.05 (the official initialisers)', () => {
    const n = build('dselectk', [[3]], { experts: 8, k: 3, units: 2, gamma: 2 });
    const [, , z, w] = n.built.variables;
    expect(z.shape).toEqual([3, 3, 3]);
    for (const v of values(z)) expect(Math.abs(v)).toBeLessThanOrEqual(0.02);
    for (const v of values(w)) expect(Math.abs(v)).toBeLessThanOrEqual(0.05);
    expect(new Set(values(w)).size).toBe(9);
  });
});
