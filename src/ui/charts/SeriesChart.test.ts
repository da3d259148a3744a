import { describe, expect, it } from 'vitest';
import { seriesRows } from './SeriesChart';

describe('recharts rows', () => {
  it('one row per x with each series under its key; NaN and infinities become gaps (null)', () => {
    const rows = seriesRows([0, 10, 20], [
      { key: 'a', ys: [1, NaN, 3] },
      { key: 'b', ys: Float64Array.from([Infinity, 2, -1]) },
    ]);
    expect(rows).toEqual([
      { x: 0, a: 1, b: null },
      { x: 10, a: null, b: 2 },
      { x: 20, a: 3, b: -1 },
    ]);
  });
});
