import { describe, expect, it } from 'vitest';
import { combine, cosineMatrix, gradNorms, gramOf } from './gram';
import { projectSimplex, solve } from './linalg';

describe('gram read-outs', () => {
  // g1 = (3,4) ‖5‖; g2 = (4,−3) ⟂ g1; g3 = (−6,−8) = −2·g1 ‖10‖; g4 = 0.
  // Gram: g1·g1 = 25, g1·g2 = 0, g1·g3 = −50, g2·g3 = 24 − 24 = 0, g3·g3 = 100.
  const vecs = [[3, 4], [4, -3], [-6, -8], [0, 0]];
  const gram = gramOf(vecs);

  it('builds the Gram matrix', () => {
    expect(gram).toEqual([
      [25, 0, -50, 0],
      [0, 25, 0, 0],
      [-50, 0, 100, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('gradNorms = √diag', () => {
    expect(gradNorms(gram)).toEqual([5, 5, 10, 0]);
  });

  it('cosineMatrix: orthogonal 0, opposite −1, zero gradient row/col 0', () => {
    const c = cosineMatrix(gram);
    const want = [
      [1, 0, -1, 0],
      [0, 1, 0, 0],
      [-1, 0, 1, 0],
      [0, 0, 0, 0],
    ];
    c.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(want[i][j], 12)));
    // cos 60°: (1,0)·(1,√3)/(1·2) = 0.5
    expect(cosineMatrix(gramOf([[1, 0], [1, Math.sqrt(3)]]))[0][1]).toBeCloseTo(0.5, 12);
  });

  it('combine = Σ α_t v_t', () => {
    expect(combine([2, -1], [[1, 2], [3, 4]])).toEqual([-1, 0]);
  });
});

describe('linalg helpers', () => {
  it('solve needs pivoting: [[0,1],[2,3]]·x = [1,8] → x = (2.5, 1)', () => {
    expect(solve([[0, 1], [2, 3]], [1, 8])).toEqual([2.5, 1]);
    expect(solve([[1, 2], [2, 4]], [1, 2])).toBeNull();
  });
  it('projectSimplex: (0.5, 0.5, 0.5) → 1/3 each; (2, 0) → (1, 0); (0.6, 0.2) → (0.7, 0.3)', () => {
    projectSimplex([0.5, 0.5, 0.5]).forEach((v) => expect(v).toBeCloseTo(1 / 3, 12));
    expect(projectSimplex([2, 0])).toEqual([1, 0]);
    const p = projectSimplex([0.6, 0.2]);
    expect(p[0]).toBeCloseTo(0.7, 12);
    expect(p[1]).toBeCloseTo(0.3, 12);
  });
});
