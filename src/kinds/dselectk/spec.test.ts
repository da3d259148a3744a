import { describe, expect, it } from 'vitest';
import { shapeOf, summaryOf } from '../../model/nodes/testing';

describe('DSelect-k spec', () => {
  it('summarises its params on the canvas', () => {
    expect(summaryOf('dselectk')).toBe('4 experts × 16, k = 2');
  });

  it('gives one [units] output per task and takes a power of 2 experts only (log2(n)-bit codes)', () => {
    expect(shapeOf('dselectk', [[4]], { experts: 8, units: 5 })).toEqual([[5], [5], [5]]);
    expect(shapeOf('dselectk', [[4]], { experts: 6 })).toMatch(/power of 2/);
    expect(shapeOf('dselectk', [[4, 2]])).toMatch(/vector/);
  });
});
