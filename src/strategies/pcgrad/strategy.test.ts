import { describe, expect, it } from 'vitest';
import { deriveSeed, makeRng } from '../../data/rng';
import { createStrategy } from '../../train/weighting';
import { combine, gramOf } from '../_shared';
import { pcgradCoefficients, pcgradOrders } from './strategy';

const close = (got: number[], want: number[], digits = 12) => got.forEach((v, i) => expect(v).toBeCloseTo(want[i], digits));

describe('PCGrad (Yu et al.)', () => {
  it('two tasks: each projected off the other', () => {
    // g1 = (1,0), g2 = (−1,1): g1·g2 = −1 < 0.
    // g1' = g1 − (−1/‖g2‖²=2)·g2 = (1,0) + ½(−1,1) = (0.5, 0.5);  g2' = g2 − (−1/1)·g1 = (0, 1).
    // Σ = (0.5, 1.5) = 2·g1 + 1.5·g2  ⇒ α = (2, 1.5).
    const g = [[1, 0], [-1, 1]];
    const alpha = pcgradCoefficients(gramOf(g), [[1], [0]]);
    close(alpha, [2, 1.5]);
    close(combine(alpha, g), [0.5, 1.5]);
  });

  it('no conflict ⇒ plain sum (α = 1 each)', () => {
    expect(pcgradCoefficients(gramOf([[1, 0], [1, 1]]), [[1], [0]])).toEqual([1, 1]);
  });

  it('three tasks with explicit orders; order matters', () => {
    // g1 = (1,0), g2 = (−1,1), g3 = (1,−2); g1·g2 = −1, g1·g3 = 1, g2·g3 = −3; ‖g2‖² = 2, ‖g3‖² = 5.
    // i=1, order (2,3): ·g2 = −1 ⇒ (1,0)+½(−1,1) = (0.5,0.5); ·g3 = 0.5−1 = −0.5 ⇒ +0.1·(1,−2) = (0.6,0.3)
    // i=2, order (1,3): ·g1 = −1 ⇒ (−1,1)+(1,0) = (0,1); ·g3 = −2 ⇒ +0.4·(1,−2) = (0.4,0.2)
    // i=3, order (1,2): ·g1 = 1 ≥ 0 skip; ·g2 = −3 ⇒ +1.5·(−1,1) = (−0.5,−0.5)
    // Σ = (0.5, 0); α = (1+1, 0.5+1+1.5, 0.1+0.4+1) = (2, 3, 1.5).
    const g = [[1, 0], [-1, 1], [1, -2]];
    const gram = gramOf(g);
    const alpha = pcgradCoefficients(gram, [[1, 2], [0, 2], [0, 1]]);
    close(alpha, [2, 3, 1.5]);
    close(combine(alpha, g), [0.5, 0]);
    // i=1 with order (3,2): ·g3 = 1 skip; ·g2 = −1 ⇒ (0.5,0.5) — one projection fewer: α₃ drops by 0.1.
    close(pcgradCoefficients(gram, [[2, 1], [0, 2], [0, 1]]), [2, 3, 1.4]);
  });

  it('the strategy draws per-task orders of the other tasks from deriveSeed(seed, "pcgrad")', () => {
    const g = [[1, 0], [-1, 1], [1, -2]];
    const gram = gramOf(g);
    const s = createStrategy({ kind: 'pcgrad', params: {}, weights: {} }, ['a', 'b', 'c'], 5, 0.01);
    const rng = makeRng(deriveSeed(5, 'pcgrad'));
    for (let step = 0; step < 6; step++) {
      const orders = pcgradOrders(3, rng);
      orders.forEach((o, i) => expect([...o].sort()).toEqual([0, 1, 2].filter((k) => k !== i)));
      const w = s.step({ step, losses: [1, 1, 1], gram });
      expect(w.shared).toEqual(pcgradCoefficients(gram, orders));
      expect(w.task).toEqual([1, 1, 1]);
    }
  });
});
