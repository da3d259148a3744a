import * as tf from '@tensorflow/tfjs-core';
import { describe, it } from 'vitest';
import { checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

describe('MMoE builder', () => {
  checkBuilds([['mmoe', [[6]], { experts: 4, units: 5 }, [5], 224]]); // K·(D·U + U) + T·(D·K + K) = 4·35 + 3·28
  const { build } = useBuilders();

  it('with one expert is that expert for every task (softmax over one gate is 1)', () => {
    const n = build('mmoe', [[2]], { experts: 1, units: 2 });
    const [we, be] = n.built.variables;
    we.assign(tf.tensor2d([[1, -1], [2, 0]]));
    be.assign(tf.tensor1d([0, 0.5]));
    tf.tidy(() => {
      // relu([1, 1]·We + be) = relu([3, −0.5]) = [3, 0]
      for (const y of n.many([tf.tensor2d([[1, 1]])], false, 0)) close(values(y), [3, 0]);
    });
  });

  it('with zero gate weights averages the experts', () => {
    const n = build('mmoe', [[1]], { experts: 2, units: 1 });
    const [we, be, wg] = n.built.variables;
    we.assign(tf.tensor2d([[1, 3]]));
    be.assign(tf.zerosLike(be));
    wg.assign(tf.zerosLike(wg));
    tf.tidy(() => close(values(n.many([tf.tensor2d([[2]])], false, 0)[2]), [(2 + 6) / 2]));
  });
});
