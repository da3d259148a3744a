import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';
import { combine, gramOf, matVec } from '../_shared';
import { alignedWeights } from './strategy';

const close = (got: number[], want: number[], digits = 12) => want.forEach((v, i) => expect(got[i]).toBeCloseTo(v, digits));

describe('Aligned-MTL', () => {
  it('two orthogonal gradients of norms 2 and 1: both scaled to σ_min = 1', () => {
    // M = diag(4, 1): λ = (4, 1), λ_min = 1, B = 1·diag(1/2, 1) ⇒ α = (½, 1), update (1, 1).
    const g = [[2, 0], [0, 1]];
    const a = alignedWeights(gramOf(g));
    close(a, [0.5, 1]);
    close(combine(a, g), [1, 1]);
  });

  it('three orthogonal gradients of norms 3, 2, 1 ⇒ α = (1/3, 1/2, 1), update (1,1,1)', () => {
    close(alignedWeights(gramOf([[3, 0, 0], [0, 2, 0], [0, 0, 1]])), [1 / 3, 0.5, 1]);
  });

  it('correlated gradients: B·M·B = λ_min·I (aligned gradients orthogonal, equal norms)', () => {
    // g1 = (1,0), g2 = (1,1): M = [[1,1],[1,2]], λ = (3 ± √5)/2, λ_min = (3 − √5)/2 ≈ 0.381966.
    // B = √λ_min·M^{-1/2}, so BMB = λ_min·I, and α = B·1: check through M: αᵀMα = 1ᵀBMB1 = 2λ_min.
    const M = [[1, 1], [1, 2]];
    const a = alignedWeights(M);
    const lmin = (3 - Math.sqrt(5)) / 2;
    const Ma = matVec(M, a);
    expect(a[0] * Ma[0] + a[1] * Ma[1]).toBeCloseTo(2 * lmin, 12);
    // and B = √λ_min·M^{-1/2} applied to 1: M^{-1/2} = V diag(λ^{-1/2}) Vᵀ, so M^{1/2}·α/√λ_min = 1, i.e. (M·α)·(Mα) = λ_min·(1ᵀM1) = 5λ_min.
    expect(Ma[0] * Ma[0] + Ma[1] * Ma[1]).toBeCloseTo(lmin * 5, 12);
  });

  it('a rank-deficient system keeps only the non-null directions; zero gradients give the plain sum', () => {
    // g1 = g2 = (1,0): M = [[1,1],[1,1]], λ = (0, 2): kept λ = 2 (also λ_min), v = (1,1)/√2, B = √2·vvᵀ/√2 = vvᵀ
    // = all ½ ⇒ α = B·1 = (1, 1). (Had λ = 0 been kept, 1/√0 would blow up.)
    close(alignedWeights([[1, 1], [1, 1]]), [1, 1]);
    expect(alignedWeights([[0, 0], [0, 0]])).toEqual([1, 1]);
  });

  it('the -UB variant is the same solver on the representation’s Gram matrix (the engines supply it)', () => {
    const s = createStrategy({ kind: 'aligned-mtl', params: { on: 'representation' }, weights: {} }, ['a', 'b'], 1, 0.01);
    close(s.step({ step: 0, losses: [1, 1], gram: [[4, 0], [0, 1]] }).shared, [0.5, 1]);
  });
});
