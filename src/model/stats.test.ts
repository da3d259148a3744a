import { describe, expect, it } from 'vitest';
import { deltaMWith, meanInterval, pairedComparison, tCdf, tQuantile } from './stats';

describe('Student t', () => {
  it('quantiles match the printed tables', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.7764, 4);
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.2622, 4);
    expect(tQuantile(0.975, 29)).toBeCloseTo(2.0452, 4);
    expect(tQuantile(0.95, 10)).toBeCloseTo(1.8125, 4);
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.96, 2);
    expect(tQuantile(0.025, 4)).toBeCloseTo(-2.7764, 4);
  });
  it('the cdf is symmetric and 1/2 at 0', () => {
    expect(tCdf(0, 3)).toBeCloseTo(0.5, 12);
    expect(tCdf(1.5, 7) + tCdf(-1.5, 7)).toBeCloseTo(1, 12);
    // df = 1 is Cauchy: P(T ≤ 1) = 3/4.
    expect(tCdf(1, 1)).toBeCloseTo(0.75, 10);
  });
});

describe('meanInterval', () => {
  it('1..5: mean 3, sd √2.5, half-width t(0.975, 4)·sd/√5', () => {
    const r = meanInterval([1, 2, 3, 4, 5]);
    expect(r.mean).toBe(3);
    expect(r.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(r.half).toBeCloseTo(1.96323, 4);
    expect(r.lo).toBeCloseTo(1.03677, 4);
    expect(r.hi).toBeCloseTo(4.96323, 4);
  });
  it('skips non-finite values and gives NaN bounds below two values', () => {
    expect(meanInterval([2, NaN, 4]).mean).toBe(3);
    const one = meanInterval([7]);
    expect(one.mean).toBe(7);
    expect(one.lo).toBeNaN();
  });
});

describe('pairedComparison', () => {
  it('a constant difference has a zero-width interval, for both methods', () => {
    for (const method of ['t', 'bootstrap'] as const) {
      const r = pairedComparison([1, 2, 3], [1.5, 2.5, 3.5], { method });
      expect(r.mean).toBeCloseTo(0.5, 12);
      expect(r.hi - r.lo).toBeCloseTo(0, 12);
      expect(r.distinguishable).toBe(true);
    }
    expect(pairedComparison([1, 2], [1, 2]).distinguishable).toBe(false);
  });
  it('a known sample gives its known paired-t interval', () => {
    // d = [1, 2, 0, 2, 1]: mean 1.2, sd √0.7, half-width 2.7764·0.83666/√5 = 1.03885.
    const r = pairedComparison([10, 12, 9, 11, 13], [11, 14, 9, 13, 14]);
    expect(r.n).toBe(5);
    expect(r.mean).toBeCloseTo(1.2, 12);
    expect(r.sd).toBeCloseTo(Math.sqrt(0.7), 12);
    expect(r.lo).toBeCloseTo(0.16115, 4);
    expect(r.hi).toBeCloseTo(2.23885, 4);
    expect(r.distinguishable).toBe(true);
    expect(r.formula).toContain('t(95%, n−1)');
  });
  it('uses only seeds where both sides are finite', () => {
    const r = pairedComparison([1, NaN, 3, 4], [2, 5, NaN, 5]);
    expect(r.n).toBe(2);
    expect(r.mean).toBe(1);
  });
  it('bootstrap of d = [0, 1]: resample means are 0, ½, 1 with probabilities ¼, ½, ¼, so the 95% interval is [0, 1]', () => {
    const r = pairedComparison([0, 0], [0, 1], { method: 'bootstrap', seed: 3 });
    expect(r.lo).toBe(0);
    expect(r.hi).toBe(1);
    expect(r.distinguishable).toBe(false);
    // Seeded: the same call gives the same interval.
    const again = pairedComparison([0, 0, 0, 0], [0, 1, 3, 1], { method: 'bootstrap', seed: 9 });
    expect(pairedComparison([0, 0, 0, 0], [0, 1, 3, 1], { method: 'bootstrap', seed: 9 })).toEqual(again);
  });
});

describe('deltaMWith', () => {
  // Task 1: accuracy 0.9 vs 0.8 → +12.5. Task 2: RMSE 2 vs 2.5 → +20, and MAE 1 vs 1 → 0.
  const tasks = [
    [{ value: 0.9, base: 0.8, higherIsBetter: true }],
    [
      { value: 2, base: 2.5, higherIsBetter: false },
      { value: 1, base: 1, higherIsBetter: false },
    ],
  ];
  it('per task first (LibMTL): mean(12.5, mean(20, 0)) = 11.25', () => {
    expect(deltaMWith(tasks, 'per-task')).toBeCloseTo(11.25, 12);
  });
  it('over all metrics (Nash-MTL, FAMO): mean(12.5, 20, 0) = 10.8333…', () => {
    expect(deltaMWith(tasks, 'all-metrics')).toBeCloseTo(32.5 / 3, 12);
  });
  it('agrees across conventions with one metric per task, and skips zero baselines', () => {
    const one = [[tasks[0][0]], [tasks[1][0]]];
    expect(deltaMWith(one, 'per-task')).toBeCloseTo(deltaMWith(one, 'all-metrics'), 12);
    expect(deltaMWith([[{ value: 1, base: 0, higherIsBetter: true }]], 'per-task')).toBeNaN();
  });
});
