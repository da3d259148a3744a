import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { buildOne, checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

describe('ensemble builder', () => {
  checkBuilds([
    ['ensemble', [[6]], { members: 2, hidden: 3, units: 2 }, [2], 174], // T·N·(D·H + H + H·U + U) = 6·(18 + 3 + 6 + 2)
    ['ensemble', [[6]], { members: 2, hidden: 3, units: 2, combine: 'learned' }, [2], 180], // + T·N softmax logits
  ]);
  const { build } = useBuilders();

  // D = 1, N = 2, H = 1, U = 1, three tasks: member (t, m) is column t·2 + m of W1.
  function tiny(combine: string) {
    const n = build('ensemble', [[1]], { members: 2, hidden: 1, units: 1, combine });
    const [w1, b1, w2, b2] = n.built.variables;
    w1.assign(tf.tensor2d([[1, 2, 3, 4, 5, 6]]));
    b1.assign(tf.zerosLike(b1));
    w2.assign(tf.ones(w2.shape));
    b2.assign(tf.tensor2d([[0], [1], [0], [0], [0], [0]]));
    return n;
  }

  it('mean: each task’s output is the average of its members', () => {
    const n = tiny('mean');
    // x = 2: members relu(2·w1)·1 + b2 = [2, 5 | 6, 8 | 10, 12] → means 3.5, 7, 11
    tf.tidy(() => close(n.many([tf.tensor2d([[2]])], false, 0).map((y) => values(y)[0]), [3.5, 7, 11]));
  });

  it('learned: softmax weights per task, equal (= mean) at the start', () => {
    const n = tiny('learned');
    const logits = n.built.variables[4];
    expect(logits.shape).toEqual([3, 2]);
    tf.tidy(() => close(n.many([tf.tensor2d([[2]])], false, 0).map((y) => values(y)[0]), [3.5, 7, 11]));
    logits.assign(tf.tensor2d([[Math.log(3), 0], [0, 0], [0, 0]])); // task 0 weights 0.75, 0.25
    tf.tidy(() => close(n.many([tf.tensor2d([[2]])], false, 0).map((y) => values(y)[0]), [0.75 * 2 + 0.25 * 5, 7, 11]));
  });

  it('initialises every member differently, from the node’s own seed stream', () => {
    const a = build('ensemble', [[4]], { members: 3, hidden: 2, units: 2 });
    const w1 = values(a.built.variables[0]); // [4, 9·2]: member block k = columns 2k, 2k+1
    const blocks = Array.from({ length: 9 }, (_, k) => [0, 1, 2, 3].flatMap((r) => [w1[r * 18 + 2 * k], w1[r * 18 + 2 * k + 1]]).join());
    expect(new Set(blocks).size).toBe(9);
    const again = buildOne('ensemble', [[4]], { members: 3, hidden: 2, units: 2 });
    expect(values(again.built.variables[0])).toEqual(w1);
    again.free();
  });
});
