/**
 * React Flow's view of the store (pure): nodes and edges derived from the graph, the selection and the measured
 * sizes, and React Flow's change events turned back into store actions. The store is the one source of truth.
 */
import { MarkerType, type Edge, type EdgeChange, type NodeChange } from '@xyflow/react';
import type { GraphEdge, GraphNode, XY } from '../../model';
import type { NodeSize } from '../../state';
import type { MtlFlowNode } from './MtlNode';

interface Cached {
  graph: GraphNode;
  selected: boolean;
  size: NodeSize | undefined;
  flow: MtlFlowNode;
}

/** Reuses the flow node of an unchanged graph node, so React Flow skips it (a drag changes one node per frame). */
export type FlowNodeCache = Map<string, Cached>;

/** The flow nodes of `nodes`, selected per `selected`, with their measured sizes; `cache` is updated in place. */
export function flowNodes(nodes: readonly GraphNode[], selected: readonly string[], sizes: Readonly<Record<string, NodeSize>>, cache: FlowNodeCache): MtlFlowNode[] {
  const on = new Set(selected);
  const seen = new Set<string>();
  const out = nodes.map((g) => {
    seen.add(g.id);
    const sel = on.has(g.id);
    const size = Object.hasOwn(sizes, g.id) ? sizes[g.id] : undefined;
    const c = cache.get(g.id);
    if (c && c.graph === g && c.selected === sel && c.size?.width === size?.width && c.size?.height === size?.height) return c.flow;
    const flow: MtlFlowNode = { id: g.id, type: 'mtl', position: g.position, data: { nodeId: g.id }, selected: sel, ...(size ? { measured: size } : {}) };
    cache.set(g.id, { graph: g, selected: sel, size, flow });
    return flow;
  });
  for (const id of [...cache.keys()]) if (!seen.has(id)) cache.delete(id);
  return out;
}

/** Width of the invisible path around each edge that takes the pointer, in flow units (≥ 24 screen px at the editor's readable zoom), so overlapping edges are easy to pick. */
export const EDGE_PICK_WIDTH = 28;

/** The flow edges of `edges`: selected per `selected`, an edge with a problem labelled with it and drawn as an error. */
export function flowEdges(edges: readonly GraphEdge[], selected: readonly string[], errors: Readonly<Record<string, string>>): Edge[] {
  const on = new Set(selected);
  return edges.map((e) => {
    const err = Object.hasOwn(errors, e.id) ? errors[e.id] : undefined;
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      sourceHandle: e.sourceHandle ?? null,
      targetHandle: e.targetHandle ?? null,
      selected: on.has(e.id),
      label: err,
      className: err ? 'edge-error' : undefined,
      markerEnd: { type: MarkerType.ArrowClosed },
      interactionWidth: EDGE_PICK_WIDTH,
    };
  });
}

/** What a batch of React Flow node changes asks of the store; empty parts ask nothing. */
export interface NodeActions {
  moves: Record<string, XY>;
  removed: string[];
  selected: Record<string, boolean>;
  sizes: Record<string, NodeSize>;
}

/** Sort node changes into moves (flow coordinates), removals, selection and measured sizes (px). */
export function nodeActions(changes: readonly NodeChange<MtlFlowNode>[]): NodeActions {
  const a: NodeActions = { moves: {}, removed: [], selected: {}, sizes: {} };
  for (const c of changes) {
    if (c.type === 'position' && c.position) a.moves[c.id] = c.position;
    else if (c.type === 'remove') a.removed.push(c.id);
    else if (c.type === 'select') a.selected[c.id] = c.selected;
    else if (c.type === 'dimensions' && c.dimensions) a.sizes[c.id] = { width: c.dimensions.width, height: c.dimensions.height };
  }
  return a;
}

/** Sort edge changes into removals and selection. */
export function edgeActions(changes: readonly EdgeChange[]): Pick<NodeActions, 'removed' | 'selected'> {
  const a = { removed: [] as string[], selected: {} as Record<string, boolean> };
  for (const c of changes) {
    if (c.type === 'remove') a.removed.push(c.id);
    else if (c.type === 'select') a.selected[c.id] = c.selected;
  }
  return a;
}

/** True when a record has no keys. */
export const isEmpty = (r: object) => Object.keys(r).length === 0;
