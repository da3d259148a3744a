import { describe, expect, it } from 'vitest';
import { checkFastParity } from '../../train/fast/testing';
import { compileAlone, runForward, sequenceExperiment } from '../../train/fast/sequenceTesting';
import { kernel, roundHalfEven } from './fast';

describe('Embedding fast kernel', () => {
  it('rounds halves to even, as tf.round', () => {
    expect([0.4, 0.5, 1.5, 2.5, 2.6, -0.5, -1.5].map(roundHalfEven)).toEqual([0, 0, 2, 2, 3, 0, -2]);
  });

  it('looks rows up by id, clamping ids out of range, and scatter-adds the gradient into the rows used', () => {
    const c = compileAlone(kernel, { vocab: 4, dim: 2 }, [5], [5, 2]);
    expect(c.P.length).toBe(8);
    c.P.set([0, 0, 1, 1, 2, 2, 3, 3]);
    // 9 → 3, −1 → 0, 1.5 → 2
    const io = runForward(c, Float32Array.from([2, 0, 9, -1, 1.5]), 1);
    expect(Array.from(io.outs[0])).toEqual([2, 2, 0, 0, 3, 3, 0, 0, 2, 2]);
    io.dOuts[0].set([1, 10, 1, 10, 1, 10, 1, 10, 0.5, 0.25]);
    const G = new Float32Array(8);
    c.layer.backward(io, c.P, G);
    // row 0 used twice, row 2 twice (ids 2 and 1.5), row 3 once; the ids get no gradient
    expect(Array.from(G)).toEqual([2, 20, 0, 0, 1.5, 10.25, 1, 10]);
    expect(Array.from(io.dIns[0]!)).toEqual([0, 0, 0, 0, 0]);
  });

  checkFastParity('embedding', [
    ['the sequences template (Embedding → BiLSTM → Dense, fixed α/β)', sequenceExperiment],
    [
      'fed by a Dense layer (ids computed by a trainable node), flattened into the trunk',
      (c) => {
        c.dataset = { ...c.dataset };
        c.graph.nodes.push(
          { id: 'ids', kind: 'dense', params: { units: 3, activation: 'relu' }, position: { x: 0, y: 0 } },
          { id: 'emb', kind: 'embedding', params: { vocab: 5, dim: 4 }, position: { x: 0, y: 0 } },
          { id: 'fl', kind: 'flatten', params: {}, position: { x: 0, y: 0 } },
        );
        c.graph.edges = c.graph.edges.filter((e) => !(e.source === 'in' && e.target === 'd1'));
        c.graph.edges.push({ id: 'x1', source: 'in', target: 'ids' }, { id: 'x2', source: 'ids', target: 'emb' }, { id: 'x3', source: 'emb', target: 'fl' }, { id: 'x4', source: 'fl', target: 'd1' });
      },
    ],
  ]);
});
