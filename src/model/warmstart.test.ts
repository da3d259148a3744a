import { describe, expect, it } from 'vitest';
import { defaultExperiment } from './defaults';
import { matchWarmStart, proposeWarmStart, shapesText } from './warmstart';
import type { NodeWeights } from './types';

const w = (id: string, kind: string, ...shapes: number[][]): NodeWeights => ({
  id,
  kind,
  tensors: shapes.map((shape) => ({ shape, values: new Float32Array(shape.reduce((a, d) => a * d, 1)) })),
});

describe('matchWarmStart', () => {
  it('one entry per source node with weights: copied, missing, or the shapes in words', () => {
    const target = [
      { id: 'd1', shapes: [[2, 16], [16]] },
      { id: 'd2', shapes: [[16, 8], [8]] },
    ];
    expect(matchWarmStart(target, [w('in', 'input'), w('d1', 'dense', [2, 16], [16]), w('d2', 'dense', [16, 16], [16]), w('x', 'dense', [1])])).toEqual([
      { nodeId: 'd1', status: 'copied', detail: 'copied [2,16] [16]' },
      { nodeId: 'd2', status: 'mismatch', detail: 'shape mismatch: expected [16,8] [8] got [16,16] [16]' },
      { nodeId: 'x', status: 'missing', detail: 'not in this graph' },
    ]);
    const short: NodeWeights = { id: 'd1', kind: 'dense', tensors: [{ shape: [2, 16], values: new Float32Array(3) }, { shape: [16], values: new Float32Array(16) }] };
    expect(matchWarmStart(target, [short])[0]).toEqual({ nodeId: 'd1', status: 'mismatch', detail: 'the values do not fill their shapes' });
    expect(shapesText([])).toBe('(no weights)');
  });
});

describe('proposeWarmStart', () => {
  it('proposes nodes with the same kind, parameters and input shapes; explains the others', () => {
    const src = defaultExperiment();
    const dst = defaultExperiment();
    dst.graph.nodes.find((n) => n.id === 'd2')!.params.units = 8;
    dst.graph.nodes.find((n) => n.id === 'd1')!.params.frozen = true; // freezing does not change shapes
    const weights = [w('in', 'input'), w('d1', 'dense', [2, 16], [16]), w('d2', 'dense', [16, 16], [16]), w('head_side', 'head', [16, 1], [1]), w('gone', 'dense', [1])];
    const p = proposeWarmStart(src, weights, dst);
    expect(p.map((x) => [x.nodeId, x.likely])).toEqual([
      ['d1', true],
      ['d2', false],
      ['head_side', false], // its input (d2) is narrower now
      ['gone', false],
    ]);
    expect(p[3].reason).toBe('not in this graph');
    // without the source's config only the id and kind are compared
    expect(proposeWarmStart(null, weights, dst).map((x) => x.likely)).toEqual([true, true, true, false]);
  });
});
