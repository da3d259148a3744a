/** UI slice: the editor's selection and measured node sizes, and the banner. */
import type { ExperimentConfig, Graph } from '../../model';
import type { Banner } from '../types';
import type { SliceContext } from './context';

/** A node's size on the canvas as React Flow measured it, CSS px at zoom 1. */
export interface NodeSize {
  width: number;
  height: number;
}

export interface UiSlice {
  /** nodes selected on the canvas, in the order they were selected; the last one is shown in the inspector */
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  /** measured node sizes by node id (view data: not part of the experiment) */
  nodeSizes: Record<string, NodeSize>;
  banner: Banner | null;
  /**
   * The experiment start-up restored from storage and the config object that shows it; after it failed to render,
   * `fellBack` is true and `shown` is the default shown instead (not autosaved, so the stored one is kept).
   */
  startup: { stored: ExperimentConfig; shown: ExperimentConfig; fellBack: boolean } | null;
  /** Select just this node (null: nothing). */
  select(id: string | null): void;
  /** Select (true) or deselect (false) these nodes and edges, keeping the rest of the selection. */
  setSelected(change: { nodes?: Record<string, boolean>; edges?: Record<string, boolean> }): void;
  setNodeSizes(sizes: Record<string, NodeSize>): void;
  setBanner(b: Banner | null): void;
}

/** The node the inspector shows: the last one selected, or null. */
export function selectedNodeId(s: Pick<UiSlice, 'selectedNodeIds'>): string | null {
  return s.selectedNodeIds.at(-1) ?? null;
}

/** `ids` after selecting/deselecting per `change` (newly selected ones go last); `ids` itself when nothing changes. */
export function changedSelection(ids: string[], change: Record<string, boolean> | undefined): string[] {
  if (!change) return ids;
  const off = new Set(Object.keys(change).filter((id) => !change[id]));
  const on = Object.keys(change).filter((id) => change[id] && !ids.includes(id));
  if (on.length === 0 && !ids.some((id) => off.has(id))) return ids;
  return ids.filter((id) => !off.has(id)).concat(on);
}

/** The selection and sizes with ids that `graph` no longer has dropped (same arrays/objects when none is gone). */
export function prunedSelection(s: Pick<UiSlice, 'selectedNodeIds' | 'selectedEdgeIds' | 'nodeSizes'>, graph: Graph): Pick<UiSlice, 'selectedNodeIds' | 'selectedEdgeIds' | 'nodeSizes'> {
  const nodes = new Set(graph.nodes.map((n) => n.id));
  const edges = new Set(graph.edges.map((e) => e.id));
  const keep = (ids: string[], have: Set<string>) => (ids.every((id) => have.has(id)) ? ids : ids.filter((id) => have.has(id)));
  const sizeIds = Object.keys(s.nodeSizes);
  const nodeSizes = sizeIds.every((id) => nodes.has(id)) ? s.nodeSizes : Object.fromEntries(sizeIds.filter((id) => nodes.has(id)).map((id) => [id, s.nodeSizes[id]]));
  return { selectedNodeIds: keep(s.selectedNodeIds, nodes), selectedEdgeIds: keep(s.selectedEdgeIds, edges), nodeSizes };
}

/** The ui slice: nothing selected, no banner. */
export function uiSlice({ set }: SliceContext): UiSlice {
  return {
    selectedNodeIds: [],
    selectedEdgeIds: [],
    nodeSizes: {},
    banner: null,
    startup: null,
    select: (id) =>
      set((s) => {
        const nodes = id === null ? [] : [id];
        const same = s.selectedEdgeIds.length === 0 && s.selectedNodeIds.length === nodes.length && s.selectedNodeIds[0] === nodes[0];
        return same ? s : { selectedNodeIds: nodes, selectedEdgeIds: [] };
      }),
    setSelected: ({ nodes, edges }) =>
      set((s) => ({ selectedNodeIds: changedSelection(s.selectedNodeIds, nodes), selectedEdgeIds: changedSelection(s.selectedEdgeIds, edges) })),
    setNodeSizes: (sizes) =>
      set((s) => {
        const old = s.nodeSizes;
        const same = Object.entries(sizes).every(([id, z]) => Object.hasOwn(old, id) && old[id].width === z.width && old[id].height === z.height);
        return same ? s : { nodeSizes: { ...old, ...sizes } };
      }),
    setBanner: (banner) => set({ banner }),
  };
}
