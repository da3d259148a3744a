import { describe } from 'vitest';
import { checkFastParity, insertNode } from '../../train/fast/testing';

describe('Reshape fast kernel', () => {
  checkFastParity('reshape', [
    [
      '[16] → [4×4] → LayerNorm over the rows → Flatten',
      (c) => {
        insertNode(c, 'd1', 'd2', 'r', 'reshape', { d1: 4, d2: 4, d3: 0 });
        insertNode(c, 'r', 'd2', 'ln', 'layernorm');
        insertNode(c, 'ln', 'd2', 'f', 'flatten');
      },
    ],
  ]);
});
