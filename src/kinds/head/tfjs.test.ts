import { describe } from 'vitest';
import { checkBuilds } from '../../train/layers/testing';

describe('Task head builder', () => {
  checkBuilds([['head', [[5]], { taskId: 'zone' }, [3], 18]]); // 5·3 + 3
});
