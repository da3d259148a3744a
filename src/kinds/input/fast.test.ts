import { describe } from 'vitest';
import { checkFastParity } from '../../train/fast/testing';

describe('Input fast kernel', () => {
  checkFastParity('input', [['the default hard-sharing graph', () => {}]]);
});
