import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';
import { glsWeights } from './strategy';

describe('GLS (geometric mean of the losses)', () => {
  it('two tasks: losses (1, 4) ⇒ GLS = √4 = 2, weights 2/(2·1) = 1 and 2/(2·4) = 0.25', () => {
    const w = createStrategy({ kind: 'gls', params: {}, weights: {} }, ['a', 'b'], 1, 0.01).step({ step: 0, losses: [1, 4], gram: null });
    expect(w.shared[0]).toBeCloseTo(1, 14);
    expect(w.shared[1]).toBeCloseTo(0.25, 14);
    expect(w.task).toEqual(w.shared);
  });

  it('three tasks: losses (2, 4, 8) ⇒ GLS = ∛64 = 4, weights 4/(3·2), 4/(3·4), 4/(3·8)', () => {
    const w = glsWeights([2, 4, 8]);
    [2 / 3, 1 / 3, 1 / 6].forEach((v, t) => expect(w[t]).toBeCloseTo(v, 14));
    // Σ w_t L_t = GLS: the weighted sum of the losses is the geometric mean itself (Euler, degree-1 homogeneous).
    expect(w[0] * 2 + w[1] * 4 + w[2] * 8).toBeCloseTo(4, 13);
  });

  it('equal losses weigh 1/T each', () => {
    glsWeights([0.3, 0.3, 0.3]).forEach((v) => expect(v).toBeCloseTo(1 / 3, 14));
  });
});
