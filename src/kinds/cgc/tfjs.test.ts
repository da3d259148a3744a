import * as tf from '@tensorflow/tfjs-core';
import { describe, it } from 'vitest';
import { checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

describe('CGC builder', () => {
  checkBuilds([
    ['cgc', [[6]], { sharedExperts: 2, taskExperts: 1, units: 5 }, [5], 238], // (2 + 3·1)·35 + 3·(6·3 + 3)
    ['cgc', [[6]], { sharedExperts: 0, taskExperts: 2, units: 5 }, [5], 252], // 6·35 + 3·(6·2 + 2)
  ]);
  const { build } = useBuilders();

  it('task t mixes the shared experts and its own only', () => {
    // 1 shared expert (value 1), one per task (values 10, 20, 30); uniform gates → (1 + 10·(t+1)) / 2
    const n = build('cgc', [[1]], { sharedExperts: 1, taskExperts: 1, units: 1 });
    const [we, be, wg] = n.built.variables;
    we.assign(tf.tensor2d([[1, 10, 20, 30]]));
    be.assign(tf.zerosLike(be));
    wg.assign(tf.zerosLike(wg));
    tf.tidy(() => close(n.many([tf.tensor2d([[1]])], false, 0).map((y) => values(y)[0]), [5.5, 10.5, 15.5]));
  });
});
