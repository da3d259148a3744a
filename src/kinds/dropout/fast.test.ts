import { describe } from 'vitest';
import { insertNode, checkFastParity } from '../../train/fast/testing';

describe('Dropout fast kernel', () => {
  // At rate > 0 the JS engine draws its own masks (tfjs's stream differs by design; see fast.ts), so the engines
  // agree step for step only at rate 0; engine.test.ts checks the masked run is deterministic and learns.
  checkFastParity('dropout', [['rate 0 between the trunk layers', (c) => insertNode(c, 'd1', 'd2', 'drop', 'dropout', { rate: 0 })]]);
});
