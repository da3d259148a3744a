import { describe } from 'vitest';
import { checkBuilds } from '../../train/layers/testing';

describe('Concatenate builder', () => {
  checkBuilds([['concat', [[2], [3]], {}, [5], 0]]);
});
