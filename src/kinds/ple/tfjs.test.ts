import * as tf from '@tensorflow/tfjs-core';
import { describe, it } from 'vitest';
import { checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

describe('PLE builder', () => {
  // Two levels: level 1 (d 6) 5 experts · 35 + 3 task gates · (6·3 + 3) + shared gate (6·5 + 5); level 2 (d 5) 5 · 30 + 3 · (5·3 + 3)
  checkBuilds([
    ['ple', [[6]], { levels: 2, sharedExperts: 2, taskExperts: 1, units: 5 }, [5], 175 + 63 + 35 + 150 + 54],
    ['ple', [[6]], { levels: 1, sharedExperts: 2, taskExperts: 1, units: 5 }, [5], 238], // one level = CGC's count
  ]);
  const { build } = useBuilders();

  /** Sets every expert weight by group (tasks 0–2, then shared) per level, gates and biases to 0. */
  const setup = (levels: number, experts: number[][]) => {
    const n = build('ple', [[1]], { levels, sharedExperts: 1, taskExperts: 1, units: 1 });
    const vs = n.built.variables;
    let v = 0;
    for (let l = 0; l < levels; l++) {
      for (let g = 0; g < 4; g++) {
        vs[v++].assign(tf.tensor2d([[experts[l][g]]]));
        vs[v].assign(tf.zerosLike(vs[v++]));
      }
      for (let g = 0; g < (l === levels - 1 ? 3 : 4); g++) for (let k = 0; k < 2; k++) vs[v].assign(tf.zerosLike(vs[v++]));
    }
    return n;
  };

  it('one level is CGC: task t mixes the shared experts and its own only', () => {
    // own experts 10, 20, 30, shared 1; uniform gates → (1 + 10·(t+1)) / 2
    const n = setup(1, [[10, 20, 30, 1]]);
    tf.tidy(() => close(n.many([tf.tensor2d([[1]])], false, 0).map((y) => values(y)[0]), [5.5, 10.5, 15.5]));
  });

  it('the shared gate over all experts feeds level 2’s shared expert; task t’s output feeds its own', () => {
    // level 1: tasks (5.5, 10.5, 15.5), shared gate (1 + 10 + 20 + 30) / 4 = 15.25; level 2 experts are the identity,
    // so task t gets (15.25 + level-1 output t) / 2
    const n = setup(2, [[10, 20, 30, 1], [1, 1, 1, 1]]);
    tf.tidy(() => close(n.many([tf.tensor2d([[1]])], false, 0).map((y) => values(y)[0]), [10.375, 12.875, 15.375]));
  });
});
