import { describe, expect, it } from 'vitest';
import { boundedAppend } from './series';

describe('boundedAppend', () => {
  it('appends without thinning up to the cap', () => {
    expect(boundedAppend([1, 2], [3, 4], 4)).toEqual([1, 2, 3, 4]);
  });

  it('past the cap thins the older part to every other point and keeps the newest half whole', () => {
    // 1…9 with cap 8: keep the newest 4 (6 7 8 9), thin 1…5 to 1 3 5 → 7 points.
    expect(boundedAppend([1, 2, 3, 4, 5, 6, 7, 8], [9], 8)).toEqual([1, 3, 5, 6, 7, 8, 9]);
  });

  it('stays bounded over a long run, keeps the first and the latest points, in order', () => {
    let s: number[] = [];
    for (let k = 0; k < 100_000; k += 10) s = boundedAppend(s, [k, k + 5], 1000);
    expect(s.length).toBeLessThanOrEqual(1000);
    expect(s[0]).toBe(0);
    expect(s.at(-1)).toBe(99_995);
    expect(s.slice(-500)).toEqual(Array.from({ length: 500 }, (_, i) => 99_995 - 5 * (499 - i)));
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThan(s[i - 1]);
  });
});
