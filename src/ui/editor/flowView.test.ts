import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../../model';
import { edgeActions, flowEdges, flowNodes, nodeActions, type FlowNodeCache } from './flowView';

describe('React Flow view of the store', () => {
  it('derives nodes with selection and sizes, reusing unchanged ones', () => {
    const g = defaultExperiment().graph;
    const cache: FlowNodeCache = new Map();
    const [a, b] = g.nodes;
    const first = flowNodes(g.nodes, [a.id], { [b.id]: { width: 10, height: 20 } }, cache);
    expect(first[0]).toMatchObject({ id: a.id, type: 'mtl', position: a.position, selected: true, data: { nodeId: a.id } });
    expect(first[0].measured).toBeUndefined();
    expect(first[1]).toMatchObject({ selected: false, measured: { width: 10, height: 20 } });
    // a moved node is new; the others are the same objects
    const moved = g.nodes.map((n, i) => (i === 0 ? { ...n, position: { x: 1, y: 1 } } : n));
    const sizes = { [b.id]: { width: 10, height: 20 } };
    const second = flowNodes(moved, [a.id], sizes, cache);
    expect(second[0]).not.toBe(first[0]);
    expect(second[0].position).toEqual({ x: 1, y: 1 });
    expect(second.slice(1)).toEqual(first.slice(1));
    second.slice(1).forEach((n, i) => expect(n).toBe(first[i + 1]));
    // deselecting makes a new node; a removed node leaves the cache
    expect(flowNodes(moved, [], {}, cache)[0].selected).toBe(false);
    flowNodes(moved.slice(1), [], {}, cache);
    expect(cache.has(a.id)).toBe(false);
  });

  it('derives edges with selection and problems', () => {
    const g = defaultExperiment().graph;
    const [e0, e1] = g.edges;
    const edges = flowEdges(g.edges, [e1.id], { [e0.id]: 'shape mismatch' });
    expect(edges[0]).toMatchObject({ id: e0.id, source: e0.source, target: e0.target, label: 'shape mismatch', className: 'edge-error', selected: false });
    expect(edges[1]).toMatchObject({ selected: true, label: undefined, className: undefined });
  });

  it('turns React Flow changes into store actions', () => {
    const a = nodeActions([
      { type: 'position', id: 'n1', position: { x: 3, y: 4 }, dragging: true },
      { type: 'position', id: 'n2', dragging: false },
      { type: 'select', id: 'n1', selected: true },
      { type: 'select', id: 'n3', selected: false },
      { type: 'dimensions', id: 'n1', dimensions: { width: 100, height: 40 } },
      { type: 'remove', id: 'n4' },
    ]);
    expect(a).toEqual({ moves: { n1: { x: 3, y: 4 } }, removed: ['n4'], selected: { n1: true, n3: false }, sizes: { n1: { width: 100, height: 40 } } });
    expect(edgeActions([{ type: 'select', id: 'e1', selected: true }, { type: 'remove', id: 'e2' }])).toEqual({ removed: ['e2'], selected: { e1: true } });
  });
});
