import { describe, expect, it } from 'vitest';
import { splitRows } from './split';

describe('splitRows', () => {
  it('the first nTrain rows train, the next nVal validate, per task column', () => {
    const x = Float32Array.from([1, 2, 3, 4, 5, 6]); // 3 rows of 2 features
    const s = splitRows(x, 2, { a: Float32Array.from([7, 8, 9]) }, 2, 1);
    expect(Array.from(s.xTrain)).toEqual([1, 2, 3, 4]);
    expect(Array.from(s.xVal)).toEqual([5, 6]);
    expect(Array.from(s.yTrain.a)).toEqual([7, 8]);
    expect(Array.from(s.yVal.a)).toEqual([9]);
    expect(s).toMatchObject({ inputDim: 2, nTrain: 2, nVal: 1 });
  });
});
