import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

const rand = (s: number[], seed: number) => tf.randomUniform([3, ...s], -1, 1, 'float32', seed);

// Three tasks, so three outputs. Scalar counts by hand:
describe('task attention (MTAN) builder', () => {
  checkBuilds([
    ['taskattention', [[5]], {}, [5], 90], // T·(C·C + C) = 3·(25 + 5)
    ['taskattention', [[2, 2, 3]], {}, [2, 2, 3], 36], // 3·(9 + 3), a 1×1 conv over channels
  ]);
  const { build } = useBuilders();

  it('is the identity (residual only) when W = 0 and b → −∞', () => {
    const n = build('taskattention', [[2, 2, 3]]);
    const [w, b] = n.built.variables;
    w.assign(tf.zerosLike(w));
    b.assign(tf.fill(b.shape, -1e4));
    tf.tidy(() => {
      const x = rand([2, 2, 3], 5);
      for (const y of n.many([x], true, 0)) expect(values(y)).toEqual(values(x));
    });
  });

  it('doubles x when the mask is fully open (b → +∞)', () => {
    const n = build('taskattention', [[3]]);
    const [w, b] = n.built.variables;
    w.assign(tf.zerosLike(w));
    b.assign(tf.fill(b.shape, 1e4));
    tf.tidy(() => close(values(n.many([tf.tensor2d([[1, -2, 3]])], false, 0)[1]), [2, -4, 6]));
  });
});
