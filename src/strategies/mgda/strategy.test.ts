import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';
import { combine, gramOf, minNormElement } from '../_shared';

const close = (got: number[], want: number[], digits = 9) => {
  expect(got).toHaveLength(want.length);
  got.forEach((v, i) => expect(v).toBeCloseTo(want[i], digits));
};
const mgda = (normalize: string, ids = ['a', 'b']) => createStrategy({ kind: 'mgda', params: { normalize }, weights: {} }, ids, 0, 0.01);

describe('MGDA-UB (Sener & Koltun)', () => {
  it('two tasks, closed form', () => {
    // g1 = (1,0), g2 = (0,2): γ = (g2−g1)·g2/‖g1−g2‖² = ((−1,2)·(0,2))/5 = 0.8 ⇒ α = (0.8, 0.2);
    // check: ‖(γ, 2(1−γ))‖² = γ² + 4(1−γ)², derivative 2γ − 8(1−γ) = 0 at γ = 0.8.
    close(minNormElement(gramOf([[1, 0], [0, 2]])), [0.8, 0.2], 12);
    // g2 = 2·g1: γ = (1,0)·(2,0)/1 = 2 → clamped to 1 ⇒ α = (1, 0), the shorter gradient.
    close(minNormElement(gramOf([[1, 0], [2, 0]])), [1, 0], 12);
  });

  it('Frank–Wolfe on three vectors: known min-norm points', () => {
    // Three orthonormal vectors: min-norm point (1,1,1)/3 ⇒ α = 1/3 each (best pair (½,½,0), one FW step, γ = 2/3).
    close(minNormElement(gramOf([[1, 0, 0], [0, 1, 0], [0, 0, 1]])), [1 / 3, 1 / 3, 1 / 3], 9);
    // (1,0), (0,1), (−1,−1): the origin is their centroid ⇒ α = 1/3 each, norm 0.
    const tri = [[1, 0], [0, 1], [-1, -1]];
    const a = minNormElement(gramOf(tri));
    close(a, [1 / 3, 1 / 3, 1 / 3], 5);
    expect(Math.hypot(...combine(a, tri))).toBeLessThan(1e-5);
    // (2,0), (0,2), (3,3): the closest point of the hull is (1,1), the midpoint of g1g2 ⇒ α = (½, ½, 0).
    close(minNormElement(gramOf([[2, 0], [0, 2], [3, 3]])), [0.5, 0.5, 0], 9);
  });

  it('normalisation is folded back into α over the original gradients', () => {
    const gram = gramOf([[1, 0], [0, 2]]);
    // none: as above; heads weigh 1.
    expect(mgda('none').step({ step: 0, losses: [2, 1], gram })).toEqual({ shared: [0.8, 0.2].map((x) => expect.closeTo(x, 12)), task: [1, 1] });
    // l2: û = (1,0), (0,1) ⇒ β = (½, ½) ⇒ α = β/‖g‖ = (0.5, 0.25).
    close(mgda('l2').step({ step: 0, losses: [2, 1], gram }).shared, [0.5, 0.25], 12);
    // loss (L = 2, 1): ĝ = (0.5,0), (0,2) ⇒ γ = 4/(0.25+4) = 16/17 ⇒ α = (16/17)/2, (1/17)/1.
    close(mgda('loss').step({ step: 0, losses: [2, 1], gram }).shared, [8 / 17, 1 / 17], 12);
    // loss+ (scales L·‖g‖ = 2, 2): ĝ = (0.5,0), (0,1) ⇒ γ = 1/1.25 = 0.8 ⇒ α = (0.4, 0.1).
    close(mgda('loss+').step({ step: 0, losses: [2, 1], gram }).shared, [0.4, 0.1], 12);
  });

  it('one task: α = 1', () => {
    expect(mgda('none', ['a']).step({ step: 0, losses: [1], gram: [[4]] }).shared).toEqual([1]);
  });
});
