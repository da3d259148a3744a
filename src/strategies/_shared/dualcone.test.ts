import { describe, expect, it } from 'vitest';
import { dualConeWeights, regularisedGram } from './dualcone';
import { matVec, spectralMap, symEig } from './linalg';

describe('dualConeWeights: argmin vᵀGv s.t. v ≥ u', () => {
  it('two tasks, hand-worked KKT', () => {
    // G = [[1,−2],[−2,5]] (g1 = (1,0), g2 = (−2,1)), u = (½, ½): v₂ = ½ active, free v₁ from G₁₁v₁ = −G₁₂·½ = 1 ⇒ v₁ = 1 ≥ ½;
    // multiplier μ₂ = (Gv)₂ = −2 + 2.5 = ½ ≥ 0. So v = (1, ½).
    const v = dualConeWeights([[1, -2], [-2, 5]], [0.5, 0.5]);
    expect(v[0]).toBeCloseTo(1, 12);
    expect(v[1]).toBeCloseTo(0.5, 12);
  });

  it('u already in the dual cone (Gu ≥ 0) stays itself', () => {
    expect(dualConeWeights([[1, 0.2], [0.2, 1]], [0.3, 0.7])).toEqual([0.3, 0.7]);
  });

  it('three tasks: the answer satisfies the KKT conditions', () => {
    const G = [[1, -0.9, 0.2], [-0.9, 1.5, -0.4], [0.2, -0.4, 0.8]];
    const u = [1 / 3, 1 / 3, 1 / 3];
    const v = dualConeWeights(G, u);
    const mu = matVec(G, v);
    v.forEach((x, t) => {
      expect(x).toBeGreaterThanOrEqual(u[t] - 1e-12);
      expect(mu[t]).toBeGreaterThanOrEqual(-1e-12);
      expect(Math.abs(mu[t] * (x - u[t]))).toBeLessThan(1e-12); // complementary slackness
    });
  });

  it('regularisedGram divides by the trace, zeros below normEps, adds regEps', () => {
    expect(regularisedGram([[1, 1], [1, 3]], 1e-4, 0.5)).toEqual([[0.75, 0.25], [0.25, 1.25]]);
    expect(regularisedGram([[1e-5, 0], [0, 1e-5]], 1e-4, 0.5)).toEqual([[0.5, 0], [0, 0.5]]);
  });
});

describe('symEig / spectralMap', () => {
  it('[[2,1],[1,2]] has eigenvalues 1 and 3 with vectors (1,−1)/√2 and (1,1)/√2', () => {
    const { values, vectors } = symEig([[2, 1], [1, 2]]);
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
    expect(Math.abs(vectors[1][0] * Math.SQRT2)).toBeCloseTo(1, 14);
    expect(vectors[1][0] * vectors[1][1]).toBeCloseTo(0.5, 14);
    expect(vectors[0][0] * vectors[0][1]).toBeCloseTo(-0.5, 14);
  });

  it('spectralMap(M, 1/λ) is the inverse; a cutoff drops the null space (pseudo-inverse)', () => {
    const inv = spectralMap([[2, 1], [1, 2]], (l) => 1 / l, 0);
    [[2 / 3, -1 / 3], [-1 / 3, 2 / 3]].forEach((row, i) => row.forEach((x, j) => expect(inv[i][j]).toBeCloseTo(x, 13)));
    // [[1,1],[1,1]] = 2·(1,1)(1,1)ᵀ/2: pinv = (1/2)·(1,1)(1,1)ᵀ/2 = all ¼.
    spectralMap([[1, 1], [1, 1]], (l) => 1 / l, 1e-10).flat().forEach((x) => expect(x).toBeCloseTo(0.25, 13));
  });
});
