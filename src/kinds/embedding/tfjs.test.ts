import * as tf from '@tensorflow/tfjs-core';
import { describe, it } from 'vitest';
import { checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

describe('Embedding builder', () => {
  checkBuilds([['embedding', [[5]], { vocab: 10, dim: 3 }, [5, 3], 30]]); // vocab·dim
  const { build } = useBuilders();

  it('looks rows up by id, clamping ids out of range, and sends gradients to the rows used', () => {
    const n = build('embedding', [[4]], { vocab: 4, dim: 2 });
    const table = n.built.variables[0];
    tf.tidy(() => table.assign(tf.tensor2d([0, 0, 1, 1, 2, 2, 3, 3], [4, 2])));
    tf.tidy(() => {
      const ids = tf.tensor2d([[2, 0, 9, -1]]); // 9 → 3, −1 → 0
      close(values(n.built.forward([ids], true, 0)), [2, 2, 0, 0, 3, 3, 0, 0]);
      const { grads } = tf.variableGrads(() => tf.sum(n.built.forward([ids], true, 0)) as tf.Scalar, [table]);
      close(values(grads[table.name]), [2, 2, 0, 0, 1, 1, 1, 1]); // row 0 used twice, rows 2 and 3 once
    });
  });
});
