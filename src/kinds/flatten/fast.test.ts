import { describe } from 'vitest';
import { checkFastParity, insertNode } from '../../train/fast/testing';

describe('Flatten fast kernel', () => {
  checkFastParity('flatten', [
    [
      '[16] → [2×8] → BatchNorm per channel → Flatten',
      (c) => {
        insertNode(c, 'd1', 'd2', 'r', 'reshape', { d1: 2, d2: 8, d3: 0 });
        insertNode(c, 'r', 'd2', 'bn', 'batchnorm');
        insertNode(c, 'bn', 'd2', 'f', 'flatten');
      },
    ],
  ]);
});
