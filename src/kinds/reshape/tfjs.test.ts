import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

describe('Reshape builder', () => {
  checkBuilds([['reshape', [[12]], { d1: -1, d2: 3, d3: 2 }, [2, 3, 2], 0]]);
  const { build } = useBuilders();

  it('with −1 keeps the row-major order', () => {
    const n = build('reshape', [[12]], { d1: -1, d2: 3, d3: 2 });
    expect(n.out).toEqual([2, 3, 2]);
    tf.tidy(() => {
      const y = n.built.forward([tf.reshape(tf.range(0, 24), [2, 12])], false, 0);
      expect(y.shape).toEqual([2, 2, 3, 2]);
      close(values(y), [...Array(24).keys()]);
    });
  });
});
