import { describe, expect } from 'vitest';
import { usesSimd } from '../../train/fast/gemm';
import { checkFastParity } from '../../train/fast/testing';

describe('Dense fast kernel', () => {
  checkFastParity('dense', [
    ['relu layers (the default graph)', () => {}],
    [
      'tanh, elu, sigmoid and linear layers with SGD + momentum',
      (c) => {
        c.optimizer = { ...c.optimizer, kind: 'sgd', learningRate: 0.05, momentum: 0.9 };
        c.graph.nodes.find((n) => n.id === 'd1')!.params.activation = 'tanh';
        c.graph.nodes.find((n) => n.id === 'd2')!.params.activation = 'elu';
        c.graph.nodes.push({ id: 'd3', kind: 'dense', params: { units: 8, activation: 'sigmoid' }, position: { x: 0, y: 0 } });
        c.graph.nodes.push({ id: 'd4', kind: 'dense', params: { units: 8, activation: 'linear' }, position: { x: 0, y: 0 } });
        c.graph.edges = c.graph.edges.filter((e) => e.target !== 'head_zone');
        c.graph.edges.push({ id: 'x1', source: 'd2', target: 'd3' }, { id: 'x2', source: 'd3', target: 'd4' }, { id: 'x3', source: 'd4', target: 'head_zone' });
      },
    ],
    [
      'wide layers, whose products run on the SIMD gemm',
      (c) => {
        for (const id of ['d1', 'd2']) c.graph.nodes.find((n) => n.id === id)!.params.units = 64;
        expect(usesSimd(c.optimizer.batchSize * 64 * 64)).toBe(true);
      },
    ],
  ]);
});
