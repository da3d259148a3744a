import { describe } from 'vitest';
import { graphTemplate } from '../../model';
import { checkFastParity } from '../../train/fast/testing';

describe('ensemble fast kernel', () => {
  checkFastParity('ensemble', [
    ['the ensemble template (mean of members)', (c) => (c.graph = graphTemplate('ensemble')!.build(c.tasks, 2))],
    [
      'learned member weights',
      (c) => {
        c.graph = graphTemplate('ensemble')!.build(c.tasks, 2);
        c.graph.nodes.find((n) => n.kind === 'ensemble')!.params.combine = 'learned';
      },
    ],
  ]);
});
