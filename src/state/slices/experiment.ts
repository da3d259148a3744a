/**
 * Experiment slice: the config being edited, its analysis, and the session's uploaded CSV. Every change of the
 * config goes through `applyEdit`, the one place an undo history will record (and coalesce drags) later.
 */
import { analyzeExperiment, type CsvTable, type ExperimentConfig, type GraphAnalysis, type GraphEdge, type XY } from '../../model';
import { edited, withEdge, withNode, withNodesAt, withNodeParam, withoutEdges, withoutNodes } from '../edits';
import type { SliceContext } from './context';
import { prunedSelection } from './ui';

/** The CSV uploaded in this tab: memory only, never persisted and never in a link; runs of a csv dataset get it with their start message. */
export interface CsvSession {
  table: CsvTable | null;
  /** the last upload's problem, shown beside the upload button */
  error: string | null;
  /** cells of the current table that look like typos (see numericTypos) */
  warnings?: string[];
}

export interface ExperimentSlice {
  config: ExperimentConfig;
  analysis: GraphAnalysis;
  csv: CsvSession;
  /** Replace the whole experiment (open a link, a file, a run) and clear the selection. */
  setConfig(cfg: ExperimentConfig): void;
  /** Edit a copy of the config in place (`fn` may mutate its argument). */
  update(fn: (draft: ExperimentConfig) => void): void;
  /** Add a node of `kind` at `position` (flow coordinates) and select it; returns its id. */
  addNode(kind: string, position: XY): string;
  removeNodes(ids: string[]): void;
  moveNode(id: string, position: XY): void;
  /** Move several nodes at once (a drag of a multi-selection), flow coordinates by node id. */
  moveNodes(positions: Record<string, XY>): void;
  setNodeParam(id: string, key: string, value: number | string | boolean): void;
  connect(edge: Omit<GraphEdge, 'id'>): void;
  removeEdges(ids: string[]): void;
  /** Change the uploaded-CSV session (table, error, warnings). */
  setCsv(patch: Partial<CsvSession>): void;
}

const analyze = (cfg: ExperimentConfig) => analyzeExperiment(cfg);

/** The experiment slice, starting from `initial`. */
export function experimentSlice({ set, get }: SliceContext, initial: ExperimentConfig): ExperimentSlice {
  /** Commit `next` as the config. `layoutOnly` (node positions, every drag frame) skips re-analysis: the structure is unchanged. */
  const applyEdit = (next: ExperimentConfig, layoutOnly = false) => {
    const s = get();
    if (next === s.config) return;
    if (layoutOnly) set({ config: next });
    else set({ config: next, analysis: analyze(next), ...prunedSelection(s, next.graph) });
  };
  const edit = (fn: (cfg: ExperimentConfig) => ExperimentConfig) => applyEdit(fn(get().config));
  return {
    config: initial,
    analysis: analyze(initial),
    csv: { table: null, error: null },
    setConfig: (cfg) => {
      applyEdit(cfg);
      get().select(null);
    },
    update: (fn) => edit((c) => edited(c, fn)),
    addNode: (kind, position) => {
      const { config, id } = withNode(get().config, kind, position);
      applyEdit(config);
      get().select(id);
      return id;
    },
    removeNodes: (ids) => edit((c) => withoutNodes(c, ids)),
    moveNode: (id, position) => applyEdit(withNodesAt(get().config, { [id]: position }), true),
    moveNodes: (positions) => applyEdit(withNodesAt(get().config, positions), true),
    setNodeParam: (id, key, value) => edit((c) => withNodeParam(c, id, key, value)),
    connect: (e) => edit((c) => withEdge(c, e)),
    removeEdges: (ids) => edit((c) => withoutEdges(c, ids)),
    setCsv: (patch) => set((s) => ({ csv: { ...s.csv, ...patch } })),
  };
}
