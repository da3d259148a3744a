import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { buildOne, checkBuilds, close, useBuilders, values } from '../../train/layers/testing';

describe('Learning-to-Branch builder', () => {
  // W_0 2·6·5 + b_0 2·5; level 1: 2·5·5 + 2·5 + θ 2·2; leaves: 3·5·5 + 3·5 + θ 3·2
  checkBuilds([['ltb', [[6]], { depth: 2, width: 2, units: 5 }, [5], 230]]);
  const { build } = useBuilders();

  /** depth 1, two one-unit blocks h_0 = relu(x·[1, 3]); each leaf an identity block; θ rows per task. */
  function tree(theta: number[][], params: Record<string, number | boolean> = {}) {
    const n = build('ltb', [[1]], { depth: 1, width: 2, units: 1, noise: false, ...params });
    const [w0, b0, w1, b1, th] = n.built.variables;
    w0.assign(tf.tensor3d([1, 3], [2, 1, 1]));
    b0.assign(tf.zerosLike(b0));
    w1.assign(tf.onesLike(w1));
    b1.assign(tf.zerosLike(b1));
    th.assign(tf.tensor2d(theta));
    return n;
  }
  const leaves = (n: ReturnType<typeof tree>, training: boolean, step: number) => tf.tidy(() => n.many([tf.tensor2d([[1]])], training, step).map((y) => values(y)[0]));

  it('at evaluation each block reads its most probable parent (ties: the first)', () => {
    close(leaves(tree([[0, 1], [2, 0], [0, 0]]), false, 0), [3, 1, 1]);
  });

  it('while training (noise off) it reads the softmax(θ / τ) mix, τ = τ₀ / √(1 + step / anneal)', () => {
    const n = tree(Array.from({ length: 3 }, () => [0, Math.log(3)]), { tau: 2, anneal: 100 });
    // step 300: τ = 2 / √4 = 1, weights [1/4, 3/4] → 1/4 + 3·3/4
    close(leaves(n, true, 300), [2.5, 2.5, 2.5]);
    // step 0: τ = 2, weights ∝ [1, √3]
    const g = Math.sqrt(3) / (1 + Math.sqrt(3));
    close(leaves(n, true, 0), Array(3).fill(1 - g + 3 * g));
    close(values(n.built.inspect!([tf.tensor2d([[1]])]).values), Array(3).fill([0.25, 0.75]).flat());
  });

  it('Gumbel noise: the same step draws alike, another step or another experiment seed differs', () => {
    const n = tree([[0, 0], [0, 0], [0, 0]], { noise: true });
    const a = leaves(n, true, 5);
    expect(leaves(n, true, 5)).toEqual(a);
    expect(leaves(n, true, 6)).not.toEqual(a);
    for (const v of a) expect(v).toBeGreaterThan(1), expect(v).toBeLessThan(3); // a proper mix of [1, 3]
    const other = buildOne('ltb', [[1]], { depth: 1, width: 2, units: 1, noise: true }, 7);
    const [w0, b0, w1, b1] = other.built.variables;
    w0.assign(tf.tensor3d([1, 3], [2, 1, 1]));
    b0.assign(tf.zerosLike(b0));
    w1.assign(tf.onesLike(w1));
    b1.assign(tf.zerosLike(b1));
    expect(leaves(other, true, 5)).not.toEqual(a);
    other.free();
  });
});
