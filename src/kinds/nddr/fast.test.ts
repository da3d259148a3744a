import { describe } from 'vitest';
import { graphTemplate } from '../../model';
import { checkFastParity, insertNode } from '../../train/fast/testing';

describe('NDDR fast kernel', () => {
  checkFastParity('nddr', [
    ['the NDDR template', (c) => (c.graph = graphTemplate('nddr')!.build(c.tasks, 2))],
    [
      'on feature maps [2, 4, 2], linear, α 0.6',
      (c) => {
        c.graph = graphTemplate('nddr')!.build(c.tasks, 2);
        c.graph.nodes.find((n) => n.id === 'nddr')!.params = { alpha: 0.6, activation: 'linear' };
        for (const t of c.tasks) {
          insertNode(c, `a_${t.id}`, 'nddr', `r_${t.id}`, 'reshape', { d1: 2, d2: 4, d3: 2 });
        }
        c.tasks.forEach((t, i) => {
          insertNode(c, 'nddr', `b_${t.id}`, `f_${t.id}`, 'flatten');
          const e = c.graph.edges.find((x) => x.source === 'nddr' && x.target === `f_${t.id}`)!;
          e.sourceHandle = `out${i}`;
        });
      },
    ],
  ]);
});
