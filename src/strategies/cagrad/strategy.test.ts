import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';
import { dot, gramOf, matVec, quad } from '../_shared';
import { cagradDual, cagradDualPGD } from './strategy';

const close = (got: number[], want: number[], digits = 6) => {
  expect(got).toHaveLength(want.length);
  got.forEach((v, i) => expect(v).toBeCloseTo(want[i], digits));
};
const cag = (c: number, T: number) => createStrategy({ kind: 'cagrad', params: { c }, weights: {} }, ['a', 'b', 'c', 'd'].slice(0, T), 0, 0.01);
const shared = (c: number, vecs: number[][]) =>
  cag(c, vecs.length).step({ step: 0, losses: vecs.map(() => 1), gram: gramOf(vecs) }).shared;

describe('CAGrad (Liu et al.)', () => {
  it('c = 0 is the average gradient: α = 1/T', () => {
    close(shared(0, [[1, 2], [-3, 1], [0.5, -2]]), [1 / 3, 1 / 3, 1 / 3], 12);
  });

  it('two orthonormal gradients (interior dual optimum)', () => {
    // g_w = (w, 1−w): g_wᵀg0 = ½ for all w, ‖g_w‖ minimal at w = ½ ⇒ g_w = g0, λ = c‖g0‖/‖g_w‖ = c.
    // α_t = (½ + c·½)/(1 + c²) = 0.5·1.4/1.16 = 0.603448 for c = 0.4.
    close(shared(0.4, [[1, 0], [0, 1]]), [0.603448, 0.603448]);
  });

  it('two orthogonal gradients of different norms (dual optimum at a vertex)', () => {
    // g1 = (2,0), g2 = (0,1), c = 0.5: g0 = (1, ½), ‖g0‖ = √1.25, √φ = 0.5·1.118034 = 0.559017.
    // F(w) = ½ + 1.5w + 0.559017·√(5w² − 2w + 1); F'(w) = 1.5 + 0.559017·h(w), h = (5w−1)/√(5w²−2w+1)
    // has h' = 4/(5w²−2w+1)^{3/2} > 0, so F' ≥ 1.5 − 0.559 > 0: w* = (0, 1), g_w = g2, λ = 0.559017.
    // α = (½, ½ + 0.559017)/(1 + 0.25) = (0.4, 0.847214).
    close(shared(0.5, [[2, 0], [0, 1]]), [0.4, 0.847214]);
  });

  it('three orthonormal gradients: α = (1/3)(1 + c)/(1 + c²) = 0.4 for c = 0.5', () => {
    close(shared(0.5, [[1, 0, 0], [0, 1, 0], [0, 0, 1]]), [0.4, 0.4, 0.4]);
  });

  it('both dual solvers (exact by supports, PGD fallback) match a fine grid search over the simplex', () => {
    // second Gram: 0 lies inside the hull of (1,0), (0,1), (−1,−1.5), where the support formulas do not apply
    for (const vecs of [[[1, 0.2], [-0.5, 1], [0.3, -2]], [[1, 0], [0, 1], [-1, -1.5]]]) {
      const gram = gramOf(vecs);
      const rootPhi = 0.7;
      const b = [1 / 3, 1 / 3, 1 / 3];
      const F = (w: number[]) => dot(w, matVec(gram, b)) + rootPhi * Math.sqrt(Math.max(quad(gram, w), 0));
      let best = Infinity;
      const n = 400;
      for (let i = 0; i <= n; i++) for (let j = 0; i + j <= n; j++) best = Math.min(best, F([i / n, j / n, (n - i - j) / n]));
      for (const w of [cagradDual(gram, rootPhi), cagradDualPGD(gram, rootPhi)]) {
        expect(w.every((x) => x >= 0)).toBe(true);
        expect(w[0] + w[1] + w[2]).toBeCloseTo(1, 12);
        expect(F(w)).toBeLessThanOrEqual(best + 1e-8);
      }
    }
  });
});
