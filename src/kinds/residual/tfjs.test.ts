import * as tf from '@tensorflow/tfjs-core';
import { describe, it } from 'vitest';
import { checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

describe('Residual block builder', () => {
  checkBuilds([['residual', [[6]], {}, [6], 84]]); // 2·(6·6 + 6)
  const { build } = useBuilders();

  it('is act(x) when both weight matrices are zero', () => {
    const n = build('residual', [[3]]);
    tf.tidy(() => [0, 2].forEach((i) => n.built.variables[i].assign(tf.zeros([3, 3]))));
    tf.tidy(() => close(values(n.built.forward([tf.tensor2d([[-1, 0.5, 2]])], true, 0)), [0, 0.5, 2]));
  });
});
