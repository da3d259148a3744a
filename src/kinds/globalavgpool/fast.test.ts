import { describe, expect, it } from 'vitest';
import { checkFastParity, compileKernel, imageChain, runKernel } from '../../train/fast/testing';

describe('Global average pool fast kernel', () => {
  it('averages each channel; the gradient spreads evenly', () => {
    const k = compileKernel('globalavgpool', {}, [2, 2, 2], [2]);
    // row 1: channel 0: 1, 2, 3, 4 → 2.5; channel 1: 10, 20, 30, 40 → 25; row 2: all 0 and 8
    const x = Float32Array.from([1, 10, 2, 20, 3, 30, 4, 40, 0, 8, 0, 8, 0, 8, 0, 8]);
    const { y, dx } = runKernel(k, 2, x, 2, Float32Array.from([4, 8, -4, 0]));
    expect(y).toEqual([2.5, 25, 0, 8]);
    expect(dx).toEqual([1, 2, 1, 2, 1, 2, 1, 2, -1, 0, -1, 0, -1, 0, -1, 0]);
  });

  checkFastParity('globalavgpool', [
    [
      'after a stride 2 same conv (6×6×2 → 3×3×4 → 4)',
      (c) =>
        imageChain(c, [6, 6, 2], [
          ['conv2d', { filters: 4, kernel: 3, stride: 2, padding: 'same', activation: 'relu' }],
          ['globalavgpool', {}],
        ]),
    ],
    ['over a sequence [8×3]', (c) => imageChain(c, [8, 3, 1], [['reshape', { d1: 8, d2: 3, d3: 0 }], ['globalavgpool', {}]])],
  ]);
});
