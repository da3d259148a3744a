import { describe, expect, it } from 'vitest';
import { gemm } from './gemm';

describe('gemm', () => {
  // A = [[1, 2, 3], [4, 5, 6]] (2×3), B = [[1, 0], [0, 1], [2, -1]] (3×2): A·B = [[7, -1], [16, -1]] by hand.
  const A = [1, 2, 3, 4, 5, 6];
  const At = [1, 4, 2, 5, 3, 6]; // A stored 3×2
  const B = [1, 0, 0, 1, 2, -1];
  const Bt = [1, 0, 2, 0, 1, -1]; // B stored 2×3
  const want = [7, -1, 16, -1];
  for (const ta of [false, true])
    for (const tb of [false, true])
      it(`transA=${ta} transB=${tb}: the hand-worked product, at offsets`, () => {
        const a = new Float32Array([9, ...(ta ? At : A)]);
        const b = new Float32Array([9, 9, ...(tb ? Bt : B)]);
        const c = new Float32Array([5, 100, 100, 100, 100, 5]);
        gemm(2, 2, 3, a, 1, ta, b, 2, tb, c, 1, false);
        expect(Array.from(c)).toEqual([5, ...want, 5]);
        gemm(2, 2, 3, a, 1, ta, b, 2, tb, c, 1, true);
        expect(Array.from(c)).toEqual([5, ...want.map((v) => 2 * v), 5]);
      });
});
