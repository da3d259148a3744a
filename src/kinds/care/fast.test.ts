import { describe } from 'vitest';
import { graphTemplate } from '../../model';
import { checkFastParity } from '../../train/fast/testing';

describe('care fast kernel', () => {
  checkFastParity('care', [['the care template', (c) => (c.graph = graphTemplate('care')!.build(c.tasks, 2))]]);
});
