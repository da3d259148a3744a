import { describe } from 'vitest';
import { checkFastParity } from '../../train/fast/testing';

describe('Concatenate fast kernel', () => {
  checkFastParity('concat', [
    [
      'the trunk joined with the input',
      (c) => {
        c.graph.nodes.push({ id: 'cat', kind: 'concat', params: {}, position: { x: 0, y: 0 } });
        c.graph.edges = c.graph.edges.filter((e) => e.target !== 'head_zone');
        c.graph.edges.push({ id: 'x1', source: 'd2', target: 'cat' }, { id: 'x2', source: 'in', target: 'cat' }, { id: 'x3', source: 'cat', target: 'head_zone' });
      },
    ],
  ]);
});
