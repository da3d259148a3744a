import { describe } from 'vitest';
import { graphTemplate } from '../../model';
import { checkFastParity } from '../../train/fast/testing';

describe('MTAN task attention fast kernel', () => {
  checkFastParity('taskattention', [['the MTAN template', (c) => (c.graph = graphTemplate('mtan')!.build(c.tasks, 2))]]);
});
