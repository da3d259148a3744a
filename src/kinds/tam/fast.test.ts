import { describe } from 'vitest';
import { graphTemplate } from '../../model';
import { checkFastParity } from '../../train/fast/testing';

describe('tam fast kernel', () => {
  checkFastParity('tam', [['the tam template', (c) => (c.graph = graphTemplate('tam')!.build(c.tasks, 2))]]);
});
