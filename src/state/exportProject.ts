/** Export → PyTorch from the store: which config and weights go into the project zip (the zip is made in src/export). */
import { planWarmStart, warmInit, type CsvTable, type ExperimentConfig, type NodeWeights } from '../model';
import type { RunRecord, RunWeights } from './runsDb';

/** A made project: its file name and zip bytes. */
export interface PyTorchExport {
  fileName: string;
  bytes: Uint8Array;
}

/** What trains the same model on the same data: everything but names, node positions, backend and eval cadence. */
function modelKey(c: ExperimentConfig): string {
  const graph = { nodes: c.graph.nodes.map((n) => [n.id, n.kind, n.params]), edges: c.graph.edges.map((e) => [e.source, e.sourceHandle, e.target, e.targetHandle]) };
  return JSON.stringify({ dataset: c.dataset, tasks: c.tasks, seed: c.seed, optimizer: c.optimizer, weighting: c.weighting, graph, schedule: c.schedule });
}

/**
 * The run whose weights an export of `runId` carries: that run, or with null the newest finished run (with weights)
 * of the current experiment's model, data and settings; null when there is none.
 */
export function exportRun(runs: RunRecord[], current: ExperimentConfig, runId: string | null): RunRecord | null {
  if (runId !== null) return runs.find((r) => r.id === runId) ?? null;
  const key = modelKey(current);
  return runs.find((r) => r.status === 'done' && r.hasWeights && modelKey(r.config) === key) ?? null;
}

/**
 * Build the PyTorch project zip for run `runId` (its config and, when it finished, its weights) or, with null, for the
 * current experiment (plus the weights of its newest matching finished run). `s.table`: the uploaded CSV, which a
 * csv-dataset project carries. Throws with a message in words.
 */
export async function buildPyTorchExport(
  s: {
    config: ExperimentConfig;
    runs: RunRecord[];
    getRunWeights(id: string): Promise<RunWeights | null>;
    getWarmSource?(id: string): Promise<{ config?: ExperimentConfig | null; weights: NodeWeights[] } | null>;
    table?: CsvTable | null;
  },
  runId: string | null,
): Promise<PyTorchExport> {
  const rec = exportRun(s.runs, s.config, runId);
  if (runId !== null && !rec) throw new Error('that run no longer exists');
  const config = rec && runId !== null ? rec.config : s.config;
  const w = rec ? await s.getRunWeights(rec.id) : null;
  const run = rec && w ? { runId: rec.id, name: rec.name, weights: w.weights, valPred: w.valPred } : null;
  const table = config.dataset.kind === 'csv' ? (s.table ?? null) : null;
  // The warm start's source weights (chosen nodes only, addressed to the nodes they fit by structure, as the browser
  // sends them), so that train.py starts where the browser did.
  const ws = config.warmStart;
  const src = ws && s.getWarmSource ? await s.getWarmSource(ws.runId) : null;
  const warm = src && ws ? warmInit(planWarmStart(src.config ?? null, src.weights, config), ws.nodes, src.weights) : null;
  // Loaded on demand: the generator, the Python templates and fflate stay out of the first page load.
  const { buildPyTorchZip } = await import('../export/projectExport');
  return buildPyTorchZip(config, { table, run, warm });
}
