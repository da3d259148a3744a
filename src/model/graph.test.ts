import { describe, expect, it } from 'vitest';
import { analyzeGraph, graphPlan } from './graph';
import { defaultExperiment, makeNode, SYNTHETIC_TASKS } from './defaults';
import type { Graph } from './types';

const ctx = { inputDim: 2, tasks: SYNTHETIC_TASKS };
const base = (): Graph => structuredClone(defaultExperiment().graph);

describe('analyzeGraph', () => {
  it('accepts the default graph and infers every shape', () => {
    const a = analyzeGraph(base(), ctx);
    expect(a.ok).toBe(true);
    expect(a.firstError).toBeNull();
    expect(a.shapes).toEqual({ in: [2], d1: [16], d2: [16], head_side: [1], head_zone: [3], head_height: [1] });
    expect(a.heads).toEqual({ side: 'head_side', zone: 'head_zone', height: 'head_height' });
    expect(a.order.indexOf('in')).toBeLessThan(a.order.indexOf('d1'));
    expect(a.order.indexOf('d2')).toBeLessThan(a.order.indexOf('head_zone'));
  });

  it('infers Concatenate as the sum of its inputs and Dropout as identity', () => {
    const g = base();
    g.nodes.push(makeNode('c', 'concat', 0, 0), makeNode('dr', 'dropout', 0, 0));
    g.edges = g.edges.filter((e) => e.target !== 'head_side');
    g.edges.push(
      { id: 'a', source: 'd1', target: 'c' },
      { id: 'b', source: 'in', target: 'c' },
      { id: 'c1', source: 'c', target: 'dr' },
      { id: 'c2', source: 'dr', target: 'head_side' },
    );
    const a = analyzeGraph(g, ctx);
    expect(a.ok).toBe(true);
    expect(a.shapes.c).toEqual([18]);
    expect(a.shapes.dr).toEqual([18]);
  });

  it('reports a cycle on the nodes that form it', () => {
    const g = base();
    g.edges.push({ id: 'back', source: 'd2', target: 'd1' });
    const a = analyzeGraph(g, ctx);
    expect(a.ok).toBe(false);
    // d1 now has two inputs and sits on the cycle
    expect(a.nodeErrors.d1).toContain('is part of a cycle');
    expect(a.nodeErrors.d2).toContain('is part of a cycle');
    expect(a.firstError).toMatch(/Dense \(d1\)/);
  });

  it('reports a head that is not reachable from the input', () => {
    const g = base();
    g.edges = g.edges.filter((e) => e.id !== 'e_in_d1');
    const a = analyzeGraph(g, ctx);
    expect(a.ok).toBe(false);
    expect(a.nodeErrors.d1).toEqual(['needs an input edge']);
    const g2 = base();
    g2.nodes.push(makeNode('lonely', 'input', 0, 0));
    expect(analyzeGraph(g2, ctx).nodeErrors.lonely).toEqual(['only one Input node is allowed']);
    // A head fed by a cycle-free but detached chain
    const g3 = base();
    g3.nodes.push(makeNode('c', 'concat', 0, 0));
    g3.edges = g3.edges.filter((e) => e.target !== 'head_zone');
    g3.edges.push({ id: 'z', source: 'c', target: 'head_zone' });
    const a3 = analyzeGraph(g3, ctx);
    expect(a3.nodeErrors.c).toEqual(['needs at least one input edge']);
  });

  it('flags two heads for one task and a task without a head', () => {
    const g = base();
    g.nodes.find((n) => n.id === 'head_height')!.params.taskId = 'side';
    const a = analyzeGraph(g, ctx);
    expect(a.ok).toBe(false);
    expect(a.nodeErrors.head_side[0]).toMatch(/task "Side" has 2 heads/);
    expect(a.nodeErrors.head_height[0]).toMatch(/task "Side" has 2 heads/);
    expect(a.errors).toEqual(['Task "Height" has no head.']);
    expect(a.firstError).toBe('Task "Height" has no head.');
  });

  it('flags shape mismatches, wrong arity, edges out of heads, unknown kinds, missing input', () => {
    const g = base();
    g.edges.push({ id: 'two', source: 'in', target: 'd2' });
    const a = analyzeGraph(g, ctx);
    expect(a.nodeErrors.d2).toEqual(['takes one input but has 2']);
    const g2 = base();
    g2.edges.push({ id: 'out', source: 'head_side', target: 'd1' });
    const a2 = analyzeGraph(g2, ctx);
    expect(a2.edgeErrors.out).toBe('Task head has no output');
    const g3 = base();
    g3.nodes[1].kind = 'mystery';
    expect(analyzeGraph(g3, ctx).nodeErrors.d1).toEqual(['unknown node kind "mystery"']);
    const g4 = base();
    g4.nodes = g4.nodes.filter((n) => n.kind !== 'input');
    const a4 = analyzeGraph(g4, ctx);
    expect(a4.errors[0]).toBe('Add an Input node.');
    const g5 = base();
    g5.nodes.find((n) => n.id === 'head_zone')!.params.taskId = '';
    expect(analyzeGraph(g5, ctx).nodeErrors.head_zone).toEqual(['choose a task for this head']);
    const g6 = base();
    g6.edges.push({ id: 'ghost', source: 'nope', target: 'd1' });
    expect(analyzeGraph(g6, ctx).edgeErrors.ghost).toBe('connects to a node that does not exist');
  });

  it('warns (without blocking) about nodes that feed no head', () => {
    const g = base();
    g.nodes.push(makeNode('spare', 'dense', 0, 0));
    g.edges.push({ id: 's', source: 'd2', target: 'spare' });
    const a = analyzeGraph(g, ctx);
    expect(a.ok).toBe(true);
    expect(a.warnings.spare).toMatch(/unused/);
  });
});

describe('graphPlan', () => {
  const ctx = { inputDim: 2, tasks: SYNTHETIC_TASKS };
  it('lists the nodes that lead to a head in topological order, with sources, shapes and coerced params', () => {
    const g = base();
    g.nodes.push(makeNode('stray', 'dense', 0, 0, { units: 5 })); // leads nowhere: not planned
    g.edges.push({ id: 'e-stray', source: 'd1', sourceHandle: null, target: 'stray', targetHandle: null });
    const { headIds, nodes } = graphPlan(g, ctx);
    expect(headIds).toEqual(['head_side', 'head_zone', 'head_height']);
    expect(nodes.map((n) => n.node.id)).toEqual(['in', 'd1', 'd2', 'head_side', 'head_zone', 'head_height']);
    const d2 = nodes[2];
    expect(d2.sources).toEqual([{ id: 'd1', k: 0 }]);
    expect(d2.inShapes).toEqual([[16]]);
    expect(d2.outShapes).toEqual([[16]]);
    expect(d2.params).toMatchObject({ units: 16, activation: 'relu' });
  });
  it('throws the first error with the caller’s verb', () => {
    const g = base();
    g.edges = g.edges.filter((e) => e.target !== 'head_zone');
    expect(() => graphPlan(g, ctx, 'exported')).toThrow(/^The graph cannot be exported: /);
  });
});

describe('analyzeGraph with ids that every object inherits', () => {
  it('treats "__proto__", "constructor", "toString" … as ordinary ids', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const g = base();
      for (const n of g.nodes) if (n.id === 'd1') n.id = name;
      for (const e of g.edges) {
        if (e.source === 'd1') e.source = name;
        if (e.target === 'd1') e.target = name;
      }
      const a = analyzeGraph(g, ctx);
      expect(a.ok, name).toBe(true);
      expect(a.shapes[name], name).toEqual([16]);
      expect(a.nodeErrors[name], name).toBeUndefined();
      expect(a.warnings[name], name).toBeUndefined();
      // A node that does not exist reads as absent too.
      expect(a.nodeErrors.isPrototypeOf, name).toBeUndefined();
    }
  });
});
