import * as tf from '@tensorflow/tfjs-core';
import { describe, it } from 'vitest';
import { checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

describe('cross-task enhancement (CARE) builder', () => {
  checkBuilds([['care', [[4], [4], [4]], {}, [4], 48]]); // Wq, Wk, Wv: 3·4·4
  const { build } = useBuilders();

  it('adds the mean of the other streams’ values when queries are zero (uniform attention)', () => {
    const n = build('care', [[2], [2], [2]]);
    const [wq, , wv] = n.built.variables;
    wq.assign(tf.zerosLike(wq));
    wv.assign(tf.eye(2));
    tf.tidy(() => {
      const ys = n.many([tf.tensor2d([[1, 0]]), tf.tensor2d([[0, 2]]), tf.tensor2d([[4, 4]])], false, 0).map(values);
      close(ys[0], [1 + 2, 0 + 3]); // + ([0, 2] + [4, 4]) / 2
      close(ys[1], [0 + 2.5, 2 + 2]); // + ([1, 0] + [4, 4]) / 2
      close(ys[2], [4 + 0.5, 4 + 1]); // + ([1, 0] + [0, 2]) / 2
    });
  });
});
