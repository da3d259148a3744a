import { describe, expect, it } from 'vitest';
import { fmtNum, niceTicks, fmtRate } from './ticks';

describe('chart axis helpers', () => {
  it('picks round ticks', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 2000, 4)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(niceTicks(3, 3)).toEqual([3]);
    expect(niceTicks(-1, 1, 2)).toEqual([-1, 0, 1]);
  });
  it('formats values briefly', () => {
    expect(fmtNum(12345)).toBe('12k');
    expect(fmtNum(0.012345)).toBe('0.012');
    expect(fmtNum(2.5)).toBe('2.5');
    expect(fmtNum(0)).toBe('0');
  });
});

describe('fmtRate', () => {
  it('never shows a slow run as 0 steps/s', () => {
    expect(fmtRate(11_532.4)).toBe('11,532');
    expect(fmtRate(12.6)).toBe('13');
    expect(fmtRate(2.75)).toBe('2.8');
    expect(fmtRate(0.36)).toBe('0.4');
    expect(fmtRate(0.04)).toBe('0.04');
    expect(fmtRate(0)).toBe('–');
  });
});
