import { describe } from 'vitest';
import { graphTemplate } from '../../model';
import { checkFastParity } from '../../train/fast/testing';

describe('cgc fast kernel', () => {
  checkFastParity('cgc', [['the cgc template', (c) => (c.graph = graphTemplate('cgc')!.build(c.tasks, 2))]]);
});
