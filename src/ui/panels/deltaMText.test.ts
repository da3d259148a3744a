import { describe, expect, it } from 'vitest';
import { fmtPm } from './deltaMText';
import { fmtMetricPm } from './SeedGroupsTable';

describe('mean ± interval text', () => {
  it('writes mean ± half-width, a bare mean for one seed, a dash for nothing', () => {
    expect(fmtPm(-1.5843, 6.6012, 2, '%')).toBe('−1.58% ± 6.60%');
    expect(fmtPm(0.4, NaN, 3)).toBe('0.400');
    expect(fmtPm(NaN, 1, 2)).toBe('–');
    expect(fmtMetricPm({ kind: 'binary' }, { mean: 0.889, half: 0.0104 })).toBe('88.9% ± 1.0%');
    expect(fmtMetricPm({ kind: 'regression' }, { mean: 0.4051, half: 0.04123 })).toBe('RMSE 0.405 ± 0.041');
  });
});
