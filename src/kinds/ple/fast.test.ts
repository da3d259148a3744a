import { describe } from 'vitest';
import { graphTemplate } from '../../model';
import { checkFastParity } from '../../train/fast/testing';

describe('PLE fast kernel', () => {
  checkFastParity('ple', [
    ['the PLE template (2 levels)', (c) => (c.graph = graphTemplate('ple')!.build(c.tasks, 2))],
    [
      '3 levels, 1 shared + 2 per task experts of 5 units',
      (c) => {
        c.graph = graphTemplate('ple')!.build(c.tasks, 2);
        c.graph.nodes.find((n) => n.id === 'ple')!.params = { levels: 3, sharedExperts: 1, taskExperts: 2, units: 5 };
      },
    ],
  ]);
});
