import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../model';
import { edited, uniqueId, withEdge, withNode, withNodeParam, withNodesAt, withoutEdges, withoutNodes } from './edits';

describe('experiment edits (pure)', () => {
  it('never change their input, and return it when nothing changes', () => {
    const cfg = defaultExperiment();
    const before = structuredClone(cfg);
    const e = cfg.graph.edges[0];
    expect(withEdge(cfg, { source: e.source, target: e.target, sourceHandle: e.sourceHandle, targetHandle: e.targetHandle })).toBe(cfg);
    expect(withoutNodes(cfg, ['nope'])).toBe(cfg);
    expect(withoutEdges(cfg, ['nope'])).toBe(cfg);
    expect(withNodeParam(cfg, 'nope', 'units', 3)).toBe(cfg);
    expect(withNodesAt(cfg, { nope: { x: 1, y: 1 } })).toBe(cfg);
    withNode(cfg, 'dense', { x: 0, y: 0 });
    withoutNodes(cfg, [cfg.graph.nodes[0].id]);
    edited(cfg, (d) => void (d.seed = 5));
    expect(cfg).toEqual(before);
  });

  it('a move shares every other node with the input', () => {
    const cfg = defaultExperiment();
    const [a, b] = cfg.graph.nodes;
    const next = withNodesAt(cfg, { [a.id]: { x: 7, y: 8 } });
    expect(next.graph.nodes[0].position).toEqual({ x: 7, y: 8 });
    expect(next.graph.nodes[1]).toBe(b);
    expect(next.graph.edges).toBe(cfg.graph.edges);
  });

  it('removing a node removes its edges; new ids are the first free ones', () => {
    const cfg = defaultExperiment();
    const id = cfg.graph.edges[0].target;
    const next = withoutNodes(cfg, [id]);
    expect(next.graph.nodes.some((n) => n.id === id)).toBe(false);
    expect(next.graph.edges.some((e) => e.source === id || e.target === id)).toBe(false);
    expect(uniqueId('d', new Set(['d1', 'd3']))).toBe('d2');
    const { config, id: added } = withNode(cfg, 'dense', { x: 1, y: 2 });
    expect(config.graph.nodes.at(-1)).toMatchObject({ id: added, kind: 'dense', position: { x: 1, y: 2 } });
    const wired = withEdge(config, { source: 'in', target: added });
    expect(wired.graph.edges.at(-1)).toMatchObject({ source: 'in', target: added, sourceHandle: null, targetHandle: null });
  });
});
