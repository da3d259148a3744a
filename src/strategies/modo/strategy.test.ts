import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';
import { modoStep } from './strategy';

describe('MoDo', () => {
  it('one step, hand-worked: G = diag(4, 1), λ = (½,½), γ = 0.1, ρ = 0', () => {
    // Gλ = (2, ½): λ − 0.1·(2, ½) = (0.3, 0.45), sum 0.75 ⇒ projection adds 0.125 each: (0.425, 0.575).
    const lam = [0.5, 0.5];
    const out = modoStep([[4, 0], [0, 1]], lam, 0.1, 0);
    expect(out[0]).toBeCloseTo(0.425, 14);
    expect(out[1]).toBeCloseTo(0.575, 14);
    expect(lam).toEqual(out);
  });

  it('ρ shrinks towards the centre: λ = (1, 0), G = 0, γ = 0.5, ρ = 1 ⇒ (0.5, 0) projected = (0.75, 0.25)', () => {
    // λ − 0.5·(0 + 1·λ) = (0.5, 0), sum 0.5 ⇒ +0.25 each.
    const out = modoStep([[0, 0], [0, 0]], [1, 0], 0.5, 1);
    expect(out[0]).toBeCloseTo(0.75, 14);
    expect(out[1]).toBeCloseTo(0.25, 14);
  });

  it('the strategy keeps λ across steps (three tasks) and weighs heads 1', () => {
    const s = createStrategy({ kind: 'modo', params: { gamma: 0.1, rho: 0 }, weights: {} }, ['a', 'b', 'c'], 1, 0.01);
    const G = [[4, 0, 0], [0, 1, 0], [0, 0, 1]];
    // step 1: λ − 0.1·(4/3, 1/3, 1/3) = (0.2, 0.3, 0.3), +0.0667 each ⇒ (0.26667, 0.36667, 0.36667)
    const w1 = s.step({ step: 0, losses: [1, 1, 1], gram: G });
    [0.8 / 3, 1.1 / 3, 1.1 / 3].forEach((v, t) => expect(w1.shared[t]).toBeCloseTo(v, 12));
    const w2 = s.step({ step: 1, losses: [1, 1, 1], gram: G });
    expect(w2.shared[0]).toBeLessThan(w1.shared[0]);
    expect(w2.task).toEqual([1, 1, 1]);
  });
});
