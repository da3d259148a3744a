import { describe } from 'vitest';
import { graphTemplate } from '../../model';
import { checkFastParity } from '../../train/fast/testing';

describe('mmoe fast kernel', () => {
  checkFastParity('mmoe', [['the mmoe template', (c) => (c.graph = graphTemplate('mmoe')!.build(c.tasks, 2))]]);
});
