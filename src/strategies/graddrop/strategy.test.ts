import { describe, expect, it } from 'vitest';
import { graddropDirection } from './strategy';

/** A stream of given uniforms. */
const draws = (...u: number[]) => ({ next: () => u.shift()! });

describe('GradDrop', () => {
  it('three coordinates, two tasks, hand-worked purities', () => {
    // g_a = (1, 2, −1), g_b = (3, −2, −1).
    // i=0: both positive: P = ½(1 + 4/4) = 1 > U = 0.7 ⇒ keep positives: 1 + 3 = 4.
    // i=1: P = ½(1 + 0/4) = ½; U = 0.3 < P ⇒ keep the positive (2), drop −2: 2.
    // i=2: both negative: P = 0 < U = 0.4 ⇒ keep negatives: −2.
    const d = graddropDirection([[1, 2, -1], [3, -2, -1]], 0, draws(0.7, 0.3, 0.4));
    expect(Array.from(d)).toEqual([4, 2, -2]);
    // U = 0.6 at i=1 (> P): keep the negative: −2.
    expect(graddropDirection([[1, 2, -1], [3, -2, -1]], 0, draws(0.7, 0.6, 0.4))[1]).toBe(-2);
  });

  it('leak ℓ lets ℓ of a dropped gradient through; three tasks', () => {
    // g = (1), (−3), (1): P = ½(1 + (−1)/5) = 0.4; U = 0.5 > P ⇒ keep the negative −3, drop the two 1s:
    // −3 + 0.25·(1 + 1) = −2.5.
    expect(graddropDirection([[1], [-3], [1]], 0.25, draws(0.5))[0]).toBeCloseTo(-2.5, 14);
  });
});
