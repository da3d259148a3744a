import { describe } from 'vitest';
import { checkFastParity, insertNode } from '../../train/fast/testing';

describe('LayerNorm fast kernel', () => {
  checkFastParity('layernorm', [['after the first trunk layer', (c) => insertNode(c, 'd1', 'd2', 'ln', 'layernorm')]]);
});
