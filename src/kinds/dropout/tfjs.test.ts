import { describe } from 'vitest';
import { checkBuilds } from '../../train/layers/testing';

describe('Dropout builder', () => {
  checkBuilds([['dropout', [[3, 2]], { rate: 0.5 }, [3, 2], 0]]);
});
