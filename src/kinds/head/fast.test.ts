import { describe } from 'vitest';
import { checkFastParity } from '../../train/fast/testing';

describe('Head fast kernel', () => {
  // binary, 3-class and regression heads: the default tasks
  checkFastParity('head', [['one head per task kind (binary, multiclass, regression)', () => {}]]);
});
