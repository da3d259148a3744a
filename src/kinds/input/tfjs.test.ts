import { describe } from 'vitest';
import { checkBuilds } from '../../train/layers/testing';

describe('Input builder', () => {
  checkBuilds([['input', [[4]], {}, [4], 0]]);
});
