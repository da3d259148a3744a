import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';
import { gramOf, matVec } from '../_shared';
import { fairgradWeights } from './strategy';

describe('FairGrad', () => {
  it('orthogonal gradients of norms 2 and 1, α = 1: A·w = 1/w ⇒ w_t = 1/‖g_t‖ = (½, 1)', () => {
    const w = fairgradWeights(gramOf([[2, 0], [0, 1]]), 1);
    expect(w[0]).toBeCloseTo(0.5, 10);
    expect(w[1]).toBeCloseTo(1, 10);
  });

  it('α = 2: 4w₁ = w₁^{−½} ⇒ w₁ = 4^{−2/3} ≈ 0.39685, and w₂ = 1', () => {
    const w = fairgradWeights(gramOf([[2, 0], [0, 1]]), 2);
    expect(w[0]).toBeCloseTo(4 ** (-2 / 3), 10);
    expect(w[1]).toBeCloseTo(1, 10);
  });

  it('three correlated tasks: the root of A·w = w^{−1/α}', () => {
    const A = gramOf([[1, 0, 0], [0.5, 1, 0], [-0.3, 0.2, 1]]);
    for (const alpha of [0.5, 1, 3]) {
      const w = fairgradWeights(A, alpha);
      matVec(A, w).forEach((v, t) => expect(v).toBeCloseTo(w[t] ** (-1 / alpha), 8));
    }
  });

  it('the weights multiply the losses (heads too), as LibMTL’s Σ w_t L_t', () => {
    const s = createStrategy({ kind: 'fairgrad', params: {}, weights: {} }, ['a', 'b'], 1, 0.01);
    const w = s.step({ step: 0, losses: [1, 1], gram: [[4, 0], [0, 1]] });
    expect(w.task).toEqual(w.shared);
  });
});
