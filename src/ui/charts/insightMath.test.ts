import { describe, expect, it } from 'vitest';
import { classRecall, confusionMatrix, r2, rmseOf, topConfusions } from './insightMath';

describe('confusionMatrix', () => {
  it('counts true class by row and predicted class by column', () => {
    // truth 0,0,1,2,2,2 · pred 0,1,1,2,0,2 → row 0: [1,1,0], row 1: [0,1,0], row 2: [1,0,2]
    const m = confusionMatrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3);
    expect(m).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 2],
    ]);
    expect(m.flat().reduce((a, b) => a + b, 0)).toBe(6);
  });
  it('skips labels outside the classes', () => {
    expect(confusionMatrix([0, 1, 5], [1, 1, 0], 2)).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });
});

describe('r2 and rmse', () => {
  it('match hand-worked values', () => {
    // truth 1,2,3 (mean 2, SS_tot 2); pred 1,2,4 → SS_res 1 → R² = 0.5; RMSE = √(1/3)
    expect(r2([1, 2, 3], [1, 2, 4])).toBeCloseTo(0.5, 12);
    expect(rmseOf([1, 2, 3], [1, 2, 4])).toBeCloseTo(Math.sqrt(1 / 3), 12);
  });
  it('is 1 for a perfect fit, 0 for predicting the mean, NaN for constant truth', () => {
    expect(r2([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(r2([1, 2, 3], [2, 2, 2])).toBe(0);
    expect(r2([2, 2], [1, 3])).toBeNaN();
  });
});

describe('topConfusions / classRecall', () => {
  const m = [
    [5, 2, 0],
    [4, 1, 4],
    [0, 1, 9],
  ];
  it('lists the largest off-diagonal cells, ties by class order', () => {
    expect(topConfusions(m, 2)).toEqual([
      { truth: 1, pred: 0, count: 4 },
      { truth: 1, pred: 2, count: 4 },
    ]);
    expect(topConfusions(m, 10).map((c) => c.count)).toEqual([4, 4, 2, 1]);
    expect(topConfusions([[3]], 5)).toEqual([]);
  });
  it('gives each class its recall', () => {
    expect(classRecall(m)).toEqual([5 / 7, 1 / 9, 0.9]);
    expect(classRecall([[0, 0], [1, 1]])[0]).toBeNaN();
  });
});
