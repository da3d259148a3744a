import { describe, expect, it } from 'vitest';
import { analyzeGraph, edgeOutput } from './graph';
import { defaultExperiment, makeNode, SYNTHETIC_TASKS } from './defaults';
import { NODE_KINDS, nodeKind, outputCount } from './nodes';
import { coerceParams } from './params';
import { graphTemplate } from './templates';
import type { Graph } from './types';

const ctx = { inputDim: 2, tasks: SYNTHETIC_TASKS };

describe('multi-output nodes', () => {
  it('edgeOutput reads out{k}, and null only for single-output sources', () => {
    expect(edgeOutput({ sourceHandle: null }, 1)).toBe(0);
    expect(edgeOutput({}, 1)).toBe(0);
    expect(edgeOutput({ sourceHandle: 'out0' }, 1)).toBe(0);
    expect(edgeOutput({ sourceHandle: 'out2' }, 3)).toBe(2);
    expect(edgeOutput({ sourceHandle: 'out3' }, 3)).toBe(-1);
    expect(edgeOutput({ sourceHandle: null }, 3)).toBe(-1);
    expect(edgeOutput({ sourceHandle: 'x' }, 1)).toBe(-1);
  });

  it('fusion kinds have one output per task; others one (heads none)', () => {
    const count = (kind: string, tasks = SYNTHETIC_TASKS) => outputCount(nodeKind(kind)!, coerceParams(nodeKind(kind)!.params, {}), { inputDim: 2, tasks });
    const fusion = NODE_KINDS.filter((k) => k.outputs).map((k) => k.kind);
    expect(fusion.length).toBeGreaterThan(5);
    for (const k of fusion) {
      expect(count(k)).toBe(3);
      expect(count(k, SYNTHETIC_TASKS.slice(0, 2))).toBe(2);
    }
    for (const k of NODE_KINDS.filter((s) => !s.outputs)) expect(count(k.kind), k.kind).toBe(k.hasOutput ? 1 : 0);
    expect(count('dense')).toBe(1);
    expect(count('head')).toBe(0);
  });

  it('stores per-output shapes, and the common shape in shapes[id]', () => {
    const a = analyzeGraph(graphTemplate('mmoe')!.build(SYNTHETIC_TASKS, 2), ctx);
    expect(a.ok).toBe(true);
    expect(a.outShapes.mmoe).toEqual([[16], [16], [16]]);
    expect(a.shapes.mmoe).toEqual([16]);
    expect(a.outShapes.in).toEqual([[2]]);
    expect(a.shapes.tower_zone).toEqual([8]);
    expect(a.shapes.head_zone).toEqual([3]);
  });

  it('reports an edge from a multi-output node without a handle, or with one it lacks', () => {
    const g: Graph = graphTemplate('mmoe')!.build(SYNTHETIC_TASKS, 2);
    g.edges.find((e) => e.target === 'tower_zone')!.sourceHandle = null;
    g.edges.find((e) => e.target === 'tower_height')!.sourceHandle = 'out7';
    const a = analyzeGraph(g, ctx);
    expect(a.ok).toBe(false);
    expect(a.edgeErrors.e_mmoe_tower_zone).toBe('must start at one of the 3 outputs of MMoE (out0…out2)');
    expect(a.edgeErrors.e_mmoe_tower_height).toBe('starts at output "out7", which MMoE does not have');
    expect(a.nodeErrors.tower_zone).toEqual(['needs an input edge']);
    // a handle on a single-output node that is not out0
    const g2 = structuredClone(defaultExperiment().graph);
    g2.edges[0].sourceHandle = 'out1';
    expect(analyzeGraph(g2, ctx).edgeErrors[g2.edges[0].id]).toBe('starts at output "out1", which Input does not have');
  });

  it('resolves each input per (source, handle): a node may read two outputs of one module', () => {
    const g = graphTemplate('crossstitch')!.build(SYNTHETIC_TASKS, 2);
    g.nodes.push(makeNode('c', 'concat', 0, 0));
    g.edges = g.edges.filter((e) => e.target !== 'b_side');
    g.edges.push(
      { id: 'x0', source: 'crossstitch', sourceHandle: 'out0', target: 'c' },
      { id: 'x1', source: 'crossstitch', sourceHandle: 'out1', target: 'c' },
      { id: 'x2', source: 'c', target: 'b_side' },
    );
    const a = analyzeGraph(g, ctx);
    expect(a.firstError).toBeNull();
    expect(a.shapes.c).toEqual([32]);
  });

  it('checks stream counts and shapes of cross-stitch and CARE', () => {
    const g = graphTemplate('crossstitch')!.build(SYNTHETIC_TASKS, 2);
    g.edges = g.edges.filter((e) => e.id !== 'e_a_zone_crossstitch');
    expect(analyzeGraph(g, ctx).nodeErrors.crossstitch).toEqual(['needs one input edge per task (3), got 2']);
    const g2 = graphTemplate('care')!.build(SYNTHETIC_TASKS, 2);
    g2.nodes.find((n) => n.id === 'a_zone')!.params.units = 5;
    expect(analyzeGraph(g2, ctx).nodeErrors.care).toEqual(['input streams must all have the same shape, got [16] and [5]']);
  });

  it('blocks training when every weighted layer is frozen', () => {
    const g = structuredClone(defaultExperiment().graph);
    for (const n of g.nodes) if (n.kind !== 'input') n.params.frozen = true;
    expect(analyzeGraph(g, ctx).firstError).toBe('Every layer with weights is frozen; unfreeze at least one.');
    g.nodes.find((n) => n.id === 'head_zone')!.params.frozen = false;
    expect(analyzeGraph(g, ctx).ok).toBe(true);
  });

  it('shape rules of the fusion kinds', () => {
    const shape = (kind: string, inputs: number[][], params: Record<string, unknown> = {}) =>
      nodeKind(kind)!.shape(coerceParams(nodeKind(kind)!.params, params), inputs, ctx);
    expect(shape('taskattention', [[4, 4, 8]])).toEqual([[4, 4, 8], [4, 4, 8], [4, 4, 8]]);
    expect(shape('taskattention', [[4, 8]])).toMatch(/expects a vector/);
    expect(shape('mmoe', [[6]], { units: 5 })).toEqual([[5], [5], [5]]);
    expect(shape('cgc', [[6]], { sharedExperts: 0, taskExperts: 0 })).toBe('needs at least one expert');
    expect(shape('tam', [[16]], { chunks: 4, dModel: 8, heads: 2 })).toEqual([[8], [8], [8]]);
    expect(shape('tam', [[5, 3]], { dModel: 8, heads: 2 })).toEqual([[8], [8], [8]]);
    expect(shape('tam', [[10]], { chunks: 4 })).toBe('cannot split [10] into 4 equal tokens; pick a divisor of 10');
    expect(shape('tam', [[16]], { dModel: 9, heads: 2 })).toBe('model width 9 is not a multiple of 2 heads');
    expect(shape('care', [[3, 2], [3, 2], [3, 2]])).toBe('expects vector streams, got [3×2]; add a Flatten');
    expect(shape('ensemble', [[6]], { units: 5 })).toEqual([[5], [5], [5]]);
    expect(shape('ensemble', [[2, 3]])).toBe('expects a vector input, got [2×3]; add a Flatten');
    expect(shape('ensemble', [])).toBe('needs an input edge');
    expect(coerceParams(nodeKind('ensemble')!.params, { combine: 'vote' }).combine).toBe('mean'); // no vote: it passes no gradient
  });
});
