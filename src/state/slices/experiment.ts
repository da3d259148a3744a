/**
 * Experiment slice: the config being edited, its undo history, its analysis, and the session's uploaded CSV. Every
 * change of the config goes through `applyEdit`, the one place the undo history records (coalescing typing and drags).
 */
import { analyzeExperiment, type CsvTable, type ExperimentConfig, type GraphAnalysis, type GraphEdge, type XY } from '../../model';
import { emptyHistory, editKey, recordEdit, redoStep, undoStep, type History } from '../history';
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
  /** undo/redo snapshots of `config` (see history.ts) */
  history: History<ExperimentConfig>;
  /** Go back one step of the history (no-op when there is none). */
  undo(): void;
  /** Redo the step undone last (no-op when there is none). */
  redo(): void;
  /** Forget every undo and redo step (the autosaved experiment restored at start is not an edit). */
  clearHistory(): void;
  /** Record `cfg` as the step before the present (opening a link over autosaved work keeps that work one Undo away). */
  pushUndo(cfg: ExperimentConfig): void;
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

/** The experiment's analysis; a CSV experiment without its file in this tab (a shared link carries only the column choices) cannot train. */
const analyze = (cfg: ExperimentConfig, table: CsvTable | null = null): GraphAnalysis => {
  const a = analyzeExperiment(cfg);
  if (cfg.dataset.kind !== 'csv' || table) return a;
  const name = cfg.dataset.fileName ? `“${cfg.dataset.fileName}”` : 'a CSV file';
  const why = `Upload ${name} in the Data panel to train: a link or file carries the column choices, not the data.`;
  return { ...a, ok: false, errors: [why, ...a.errors], firstError: why };
};

/** The experiment slice, starting from `initial`. */
export function experimentSlice({ set, get }: SliceContext, initial: ExperimentConfig): ExperimentSlice {
  /** Commit `next` as the config. `layoutOnly` (node positions, every drag frame) skips re-analysis: the structure is unchanged. */
  const commit = (next: ExperimentConfig, layoutOnly: boolean, history: History<ExperimentConfig>) => {
    const s = get();
    if (layoutOnly) set({ config: next, history });
    else set({ config: next, history, analysis: analyze(next, s.csv.table), ...prunedSelection(s, next.graph) });
  };
  /** `key` names what changed for coalescing (undefined: worked out from the change; null: a step of its own). */
  const applyEdit = (next: ExperimentConfig, layoutOnly = false, key?: string | null) => {
    const s = get();
    if (next === s.config) return;
    const history = recordEdit(s.history, s.config, { key: key === undefined ? editKey(s.config, next) : key, now: Date.now() });
    commit(next, layoutOnly, history);
  };
  const edit = (fn: (cfg: ExperimentConfig) => ExperimentConfig, key?: string | null) => applyEdit(fn(get().config), false, key);
  const step = (fn: typeof undoStep<ExperimentConfig>) => {
    const s = get();
    const r = fn(s.history, s.config);
    if (r) commit(r.value, false, r.history);
  };
  const moveKey = (positions: Record<string, XY>) => `move:${Object.keys(positions).sort().join(',')}`;
  // One press of Delete removes the selected edges, then the nodes, in the same task: one undo step.
  let deletion = 0;
  let deletionOpen = false;
  const deletionKey = () => {
    if (!deletionOpen) {
      deletionOpen = true;
      queueMicrotask(() => {
        deletionOpen = false;
        deletion++;
      });
    }
    return `delete#${deletion}`;
  };
  return {
    config: initial,
    analysis: analyze(initial),
    csv: { table: null, error: null },
    history: emptyHistory(),
    undo: () => step(undoStep),
    redo: () => step(redoStep),
    clearHistory: () => set({ history: emptyHistory() }),
    pushUndo: (cfg) => set((s) => ({ history: recordEdit(s.history, cfg, { key: null, now: Date.now() }) })),
    setConfig: (cfg) => {
      // The same experiment again (New on the default, Open of what is shown) is no step to undo.
      if (JSON.stringify(cfg) !== JSON.stringify(get().config)) applyEdit(cfg, false, null);
      get().select(null);
    },
    update: (fn) => edit((c) => edited(c, fn)),
    addNode: (kind, position) => {
      const { config, id } = withNode(get().config, kind, position);
      applyEdit(config, false, null);
      get().select(id);
      return id;
    },
    removeNodes: (ids) => edit((c) => withoutNodes(c, ids), deletionKey()),
    moveNode: (id, position) => applyEdit(withNodesAt(get().config, { [id]: position }), true, moveKey({ [id]: position })),
    moveNodes: (positions) => applyEdit(withNodesAt(get().config, positions), true, moveKey(positions)),
    setNodeParam: (id, key, value) => edit((c) => withNodeParam(c, id, key, value)),
    connect: (e) => edit((c) => withEdge(c, e), null),
    removeEdges: (ids) => edit((c) => withoutEdges(c, ids), deletionKey()),
    setCsv: (patch) =>
      set((s) => {
        const csv = { ...s.csv, ...patch };
        return { csv, analysis: analyze(s.config, csv.table) };
      }),
  };
}
