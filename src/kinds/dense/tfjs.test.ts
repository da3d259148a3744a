import { describe } from 'vitest';
import { checkBuilds } from '../../train/layers/testing';

describe('Dense builder', () => {
  checkBuilds([['dense', [[4]], { units: 5 }, [5], 25]]); // 4·5 + 5
});
