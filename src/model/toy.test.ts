import { describe, expect, it } from 'vitest';
import { toyEval, toyParetoPoint, toyParetoSet, TOY_STARTS } from './toy';

describe('toy landscape (CAGrad)', () => {
  it('values at hand-worked points', () => {
    // x2 = 0: c1 = c2 = 0, both objectives 0.
    expect(toyEval(1, 0).f).toEqual([0, 0]);
    // Far down the bowls c2 → 1: f1 = ((x1 − 7)² + 0.1(x2 + 8)²)/10 − 20 = −20 at (7, −8), times tanh(4).
    const t4 = Math.tanh(4);
    expect(toyEval(7, -8).f[0]).toBeCloseTo(-20 * t4, 12);
    expect(toyEval(7, -8).f[1]).toBeCloseTo(((14 ** 2) / 10 - 20) * t4, 12);
    // In the valley: x = (−7, 2) gives f1 = tanh(1)·(log|tanh 2| + 6), since −x1/2 − 3.5 = 0.
    expect(toyEval(-7, 2).f[0]).toBeCloseTo(Math.tanh(1) * (Math.log(Math.tanh(2)) + 6), 12);
  });

  it('analytic gradients match central differences', () => {
    const pts: [number, number][] = [...TOY_STARTS, [0.3, -2], [2, 1.5], [-3, 4], [5, -9]];
    const h = 1e-6;
    for (const [x1, x2] of pts) {
      const e = toyEval(x1, x2);
      for (let k = 0; k < 2; k++) {
        const d1 = (toyEval(x1 + h, x2).f[k] - toyEval(x1 - h, x2).f[k]) / (2 * h);
        const d2 = (toyEval(x1, x2 + h).f[k] - toyEval(x1, x2 - h).f[k]) / (2 * h);
        expect(e.g[k][0], `∂f${k + 1}/∂x1 at ${x1},${x2}`).toBeCloseTo(d1, 5);
        expect(e.g[k][1], `∂f${k + 1}/∂x2 at ${x1},${x2}`).toBeCloseTo(d2, 5);
      }
    }
  });

  it('the Pareto set runs from f2’s minimiser (λ = 0, x1 = −7) to f1’s (λ = 1, x1 = 7), a little below x2 = −8', () => {
    const [a1, a2] = toyParetoPoint(0);
    const [b1, b2] = toyParetoPoint(1);
    expect(a1).toBe(-7);
    expect(b1).toBe(7);
    // ∂f1/∂x1 = ∂f1/∂x2 = 0 at λ = 1: a stationary point of f1.
    const g = toyEval(b1, b2).g[0];
    expect(Math.abs(g[0])).toBeLessThan(1e-9);
    expect(Math.abs(g[1])).toBeLessThan(1e-9);
    expect(b2).toBeLessThan(-8);
    expect(b2).toBeGreaterThan(-9);
    expect(a2).toBeCloseTo(b2, 9); // symmetric bowls
    // Along the set, f1 falls and f2 rises: a front with no dominated point.
    const set = toyParetoSet(21);
    for (let i = 1; i < set.length; i++) {
      expect(set[i].f[0]).toBeLessThan(set[i - 1].f[0]);
      expect(set[i].f[1]).toBeGreaterThan(set[i - 1].f[1]);
    }
  });
});
