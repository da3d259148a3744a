import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../../model';
import { createAppStore, selectedNodeId } from '../store';
import { changedSelection, prunedSelection } from './ui';

describe('ui slice', () => {
  it('selection changes keep order, and keep the same array when nothing changes', () => {
    const ids = ['a', 'b'];
    expect(changedSelection(ids, { c: true, a: false })).toEqual(['b', 'c']);
    expect(changedSelection(ids, { a: true, z: false })).toBe(ids);
    expect(changedSelection(ids, undefined)).toBe(ids);
  });

  it('prunes the selection and sizes of nodes and edges the graph no longer has', () => {
    const g = defaultExperiment().graph;
    const [n0, n1] = g.nodes;
    const s = { selectedNodeIds: [n0.id, 'gone'], selectedEdgeIds: [g.edges[0].id], nodeSizes: { [n1.id]: { width: 1, height: 2 }, gone: { width: 1, height: 1 } } };
    const p = prunedSelection(s, g);
    expect(p.selectedNodeIds).toEqual([n0.id]);
    expect(p.selectedEdgeIds).toBe(s.selectedEdgeIds);
    expect(p.nodeSizes).toEqual({ [n1.id]: { width: 1, height: 2 } });
  });

  it('the inspector shows the last selected node; removing nodes drops them from the selection', () => {
    const store = createAppStore(defaultExperiment(), () => ({}) as Worker);
    const [a, b] = store.getState().config.graph.nodes.map((n) => n.id);
    const edge = store.getState().config.graph.edges.find((e) => e.source === b || e.target === b)!.id;
    store.getState().setSelected({ nodes: { [a]: true } });
    store.getState().setSelected({ nodes: { [b]: true }, edges: { [edge]: true } });
    expect(selectedNodeId(store.getState())).toBe(b);
    store.getState().removeNodes([b]);
    expect(store.getState().selectedNodeIds).toEqual([a]);
    expect(store.getState().selectedEdgeIds).toEqual([]);
    const before = store.getState();
    store.getState().select(a);
    store.getState().setNodeSizes({});
    expect(store.getState().selectedNodeIds).toEqual([a]);
    store.getState().setConfig(defaultExperiment());
    expect(selectedNodeId(store.getState())).toBeNull();
    expect(before.selectedNodeIds).toEqual([a]);
  });
});
