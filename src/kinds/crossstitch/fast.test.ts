import { describe } from 'vitest';
import { graphTemplate } from '../../model';
import { checkFastParity } from '../../train/fast/testing';

describe('Cross-stitch fast kernel', () => {
  checkFastParity('crossstitch', [['the cross-stitch template', (c) => (c.graph = graphTemplate('crossstitch')!.build(c.tasks, 2))]]);
});
