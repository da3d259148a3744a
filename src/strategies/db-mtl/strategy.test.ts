import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';
import { gramOf } from '../_shared';

const vec = (...rows: number[][]) => ({ gram: gramOf(rows), grads: rows.map((r) => Float32Array.from(r)) });

describe('DB-MTL', () => {
  it('two tasks, two steps, hand-worked (β = 0.9, σ = 0)', () => {
    const s = createStrategy({ kind: 'db-mtl', params: {}, weights: {} }, ['a', 'b'], 1, 0.01);
    // step 1: L = (2, 0.5), g = ((2,0), (0,1)): ĝ = g/L = ((1,0), (0,2)); b = ĝ + 0.9·(0 − ĝ) = ((0.1,0), (0,0.2)).
    // ‖b‖ = (0.1, 0.2): α = (2, 1) (up to 1e-8); direction = 2·(0.1,0) + (0,0.2) = (0.2, 0.2). Heads: 1/L = (0.5, 2).
    const w1 = s.step({ step: 0, losses: [2, 0.5], ...vec([2, 0], [0, 1]) });
    expect(w1.shared[0]).toBeCloseTo(2, 6);
    expect(w1.shared[1]).toBeCloseTo(1, 6);
    expect(w1.task[0]).toBeCloseTo(0.5, 7);
    expect(w1.task[1]).toBeCloseTo(2, 7);
    expect(w1.direction![0]).toBeCloseTo(0.2, 6);
    expect(w1.direction![1]).toBeCloseTo(0.2, 6);
    // step 2: L = (1, 1), g = ((1,1), (0,1)): ĝ = g; b_a = (1,1) + 0.9·((0.1,0) − (1,1)) = (0.19, 0.1),
    // b_b = (0,1) + 0.9·((0,0.2) − (0,1)) = (0, 0.28). ‖b_a‖ = √(0.0361 + 0.01) = 0.214709, ‖b_b‖ = 0.28:
    // α = (0.28/0.214709, 1) = (1.304090, 1); direction = 1.304090·(0.19, 0.1) + (0, 0.28) = (0.247777, 0.410409).
    const w2 = s.step({ step: 1, losses: [1, 1], ...vec([1, 1], [0, 1]) });
    expect(w2.shared[0]).toBeCloseTo(0.28 / Math.sqrt(0.0461), 6);
    expect(w2.direction![0]).toBeCloseTo((0.28 / Math.sqrt(0.0461)) * 0.19, 6);
    expect(w2.direction![1]).toBeCloseTo((0.28 / Math.sqrt(0.0461)) * 0.1 + 0.28, 6);
  });

  it('refuses a step without the gradient vectors', () => {
    const s = createStrategy({ kind: 'db-mtl', params: {}, weights: {} }, ['a', 'b'], 1, 0.01);
    expect(() => s.step({ step: 0, losses: [1, 1], gram: [[1, 0], [0, 1]] })).toThrow(/gradient vectors/);
  });
});
