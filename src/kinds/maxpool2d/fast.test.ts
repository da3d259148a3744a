import { describe, expect, it } from 'vitest';
import { checkFastParity, compileKernel, imageChain, runKernel } from '../../train/fast/testing';

describe('MaxPool2D fast kernel', () => {
  it('2×2 stride 2 valid: each window’s maximum, and the gradient goes to it alone', () => {
    const k = compileKernel('maxpool2d', { pool: 2, stride: 2, padding: 'valid' }, [4, 4, 1], [2, 2, 1]);
    const x = Float32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map((v) => (v === 5 ? -5 : v)));
    const { y, dx } = runKernel(k, 1, x, 4, Float32Array.from([1, 2, 3, 4]));
    // windows {0,1,4,−5} {2,3,6,7} {8,9,12,13} {10,11,14,15}
    expect(y).toEqual([4, 7, 13, 15]);
    expect(dx).toEqual([0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4]);
  });

  it('3×3 stride 2 same over two channels: padding never wins, the first maximum takes the gradient', () => {
    // 3×3 map, out ⌈3 / 2⌉ = 2; total padding (2 − 1)·2 + 3 − 3 = 2: one row / column before, one after.
    const k = compileKernel('maxpool2d', { pool: 3, stride: 2, padding: 'same' }, [3, 3, 2], [2, 2, 2]);
    // channel 0: all −1 (ties: the first in window order wins); channel 1: 1..9
    const x = new Float32Array(18);
    for (let i = 0; i < 9; i++) (x[2 * i] = -1), (x[2 * i + 1] = i + 1);
    const { y, dx } = runKernel(k, 1, x, 8, Float32Array.from([1, 10, 2, 20, 3, 30, 4, 40]));
    // windows over rows/cols −1..1 → {0,1}×{0,1}; −1..1 × 1..3 → {0,1}×{1,2}; 1..3 × −1..1; 1..3 × 1..3
    expect(y).toEqual([-1, 5, -1, 6, -1, 8, -1, 9]);
    // channel 0's first maxima: (0,0), (0,1), (1,0), (1,1); channel 1's maxima: 5 (1,1), 6 (1,2), 8 (2,1), 9 (2,2)
    const d0 = [1, 2, 0, 3, 4, 0, 0, 0, 0];
    const d1 = [0, 0, 0, 0, 10, 20, 0, 30, 40];
    expect(dx).toEqual(d0.flatMap((v, i) => [v, d1[i]]));
  });

  checkFastParity('maxpool2d', [
    [
      'conv then 2×2 stride 2 valid (the LeNet block), 8×8×1',
      (c) =>
        imageChain(c, [8, 8, 1], [
          ['conv2d', { filters: 3, kernel: 3, stride: 1, padding: 'valid', activation: 'relu' }],
          ['maxpool2d', { pool: 2, stride: 2, padding: 'valid' }],
          ['flatten', {}],
        ]),
    ],
    [
      '3×3 stride 2 same on the raw input, then a conv',
      (c) =>
        imageChain(c, [5, 5, 2], [
          ['maxpool2d', { pool: 3, stride: 2, padding: 'same' }],
          ['conv2d', { filters: 2, kernel: 2, stride: 1, padding: 'same', activation: 'elu' }],
          ['flatten', {}],
        ]),
    ],
  ]);
});
