import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

describe('task-aware attention (TAM) builder', () => {
  checkBuilds([
    ['tam', [[16]], { chunks: 4, heads: 2, dModel: 8 }, [8], 160], // d = 4: 2·4·8 + 3·8 + 8·8 + 8
    ['tam', [[5, 3]], { heads: 2, dModel: 8 }, [8], 144], // d = 3: 2·3·8 + 3·8 + 8·8 + 8
  ]);
  const { build } = useBuilders();

  it('mixes the tokens’ values by attention weights that sum to 1 (a convex combination), per head and task', () => {
    // Tokens [1, c_l] (3 tokens of width 2), Wv copies the token into both heads, Wo = I, bo = 0: each head's
    // output is Σ_l a_l·[1, c_l]. Its first value is Σ_l a_l (1 when the weights sum to 1), its second lies
    // strictly between the smallest and largest c_l (a convex mix, not a pick of one token). Keys stay random.
    const n = build('tam', [[6]], { chunks: 3, heads: 2, dModel: 4 });
    const [, wv, , wo, bo] = n.built.variables;
    wv.assign(tf.tensor2d([[1, 0, 1, 0], [0, 1, 0, 1]]));
    wo.assign(tf.eye(4));
    bo.assign(tf.zerosLike(bo));
    const cs = [
      [0.3, -0.8, 0.9],
      [-0.5, 0.2, 0.7],
    ];
    tf.tidy(() => {
      const x = tf.tensor2d(cs.map((c) => c.flatMap((v) => [1, v])));
      for (const y of n.many([x], false, 0)) {
        const out = values(y);
        cs.forEach((c, row) => {
          for (const h of [0, 1]) {
            expect(out[row * 4 + 2 * h]).toBeCloseTo(1, 5);
            const mixed = out[row * 4 + 2 * h + 1];
            expect(mixed).toBeGreaterThan(Math.min(...c));
            expect(mixed).toBeLessThan(Math.max(...c));
          }
        });
      }
    });
  });

  it('with one token returns its value projection, per task the same', () => {
    const n = build('tam', [[2]], { chunks: 1, heads: 1, dModel: 2 });
    const [, wv, , wo, bo] = n.built.variables;
    wv.assign(tf.tensor2d([[1, 0], [0, 2]]));
    wo.assign(tf.eye(2));
    bo.assign(tf.tensor1d([0.5, 0]));
    tf.tidy(() => {
      for (const y of n.many([tf.tensor2d([[3, 4]])], false, 0)) close(values(y), [3.5, 8]);
    });
  });
});
