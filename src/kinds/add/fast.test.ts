import { describe } from 'vitest';
import { checkFastParity } from '../../train/fast/testing';

describe('Add fast kernel', () => {
  checkFastParity('add', [
    [
      'a skip connection around the second trunk layer',
      (c) => {
        c.graph.nodes.push({ id: 'sum', kind: 'add', params: {}, position: { x: 0, y: 0 } });
        c.graph.edges = c.graph.edges.filter((e) => e.source !== 'd2');
        c.graph.edges.push({ id: 'x1', source: 'd2', target: 'sum' }, { id: 'x2', source: 'd1', target: 'sum' });
        for (const t of c.tasks) c.graph.edges.push({ id: `h_${t.id}`, source: 'sum', target: `head_${t.id}` });
      },
    ],
  ]);
});
