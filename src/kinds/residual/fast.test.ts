import { describe } from 'vitest';
import { checkFastParity, insertNode } from '../../train/fast/testing';

describe('Residual fast kernel', () => {
  checkFastParity('residual', [
    ['a relu block in the trunk', (c) => insertNode(c, 'd1', 'd2', 'res', 'residual')],
    ['a tanh block in the trunk', (c) => insertNode(c, 'd1', 'd2', 'res', 'residual', { activation: 'tanh' })],
  ]);
});
