/** Pure helpers for the runs slice: make, extend and finish run records; name runs; build single-task baselines. */
import { analyzeGraph, ancestorsOf, datasetInputDim, nodeKind, outHandle, weightingSpec, type BackendName, type ExperimentConfig, type Graph } from '../model';
import type { MetricPoint } from '../protocol';
import { MAX_STORED_POINTS, type RunRecord, type RunRecordStatus } from './runsDb';
import { boundedAppend } from './series';

/** A fresh random run id (crypto.randomUUID where available). */
export function newRunId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * A new 'running' record holding a deep copy of `config` (later edits in the editor do not reach it).
 * `extra.id` lets the caller reuse the worker's runId; `extra.createdAt` is ms since the epoch (default now).
 */
export function newRunRecord(
  config: ExperimentConfig,
  kind: RunRecord['kind'],
  name?: string,
  extra: { id?: string; createdAt?: number; baselineOf?: RunRecord['baselineOf']; seedGroup?: RunRecord['seedGroup'] } = {},
): RunRecord {
  const rec: RunRecord = {
    id: extra.id ?? newRunId(),
    name: name ?? config.name,
    createdAt: extra.createdAt ?? Date.now(),
    status: 'running',
    config: structuredClone(config),
    backend: null,
    stepsPerSec: 0,
    points: [],
    kind,
  };
  if (extra.baselineOf) rec.baselineOf = { ...extra.baselineOf };
  if (extra.seedGroup) rec.seedGroup = { ...extra.seedGroup };
  return rec;
}

/** A copy of `record` with `points` appended, at most MAX_STORED_POINTS kept (see boundedAppend); the record itself is not changed. */
export function appendPoints(record: RunRecord, points: readonly MetricPoint[]): RunRecord {
  return points.length ? { ...record, points: boundedAppend(record.points, points, MAX_STORED_POINTS) } : record;
}

/** A copy of `record` with a final status and whatever the worker reported last (stepsPerSec in steps/s, elapsedMs in ms). */
export function finishRun(
  record: RunRecord,
  status: Exclude<RunRecordStatus, 'running'>,
  extra: { stepsPerSec?: number; elapsedMs?: number; backend?: BackendName | null; error?: string } = {},
): RunRecord {
  const out: RunRecord = { ...record, status };
  if (extra.stepsPerSec !== undefined) out.stepsPerSec = extra.stepsPerSec;
  if (extra.elapsedMs !== undefined) out.elapsedMs = extra.elapsedMs;
  if (extra.backend !== undefined) out.backend = extra.backend;
  if (extra.error !== undefined) out.error = extra.error;
  return out;
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/**
 * "‹weighting label› · ‹experiment name› #n", with n one more than the highest number already used
 * for the same prefix in `existing` (a bare prefix counts as #1), so names stay unique.
 */
export function defaultRunName(config: ExperimentConfig, existing: readonly string[]): string {
  const label = weightingSpec(config.weighting.kind)?.label ?? config.weighting.kind;
  const prefix = `${label} · ${clip(config.name.trim() || 'Untitled', 60)}`;
  let max = 0;
  for (const name of existing) {
    if (name === prefix) max = Math.max(max, 1);
    else if (name.startsWith(prefix + ' #')) {
      const n = Number(name.slice(prefix.length + 2));
      if (Number.isInteger(n) && n > 0) max = Math.max(max, n);
    }
  }
  return `${prefix} #${max + 1}`;
}

/**
 * One single-task experiment per task that has exactly one head: same dataset, seed, optimiser, budget,
 * backend and evaluation interval; `tasks` = [that task]; the graph reduced to the nodes its head depends on
 * (node ids kept, so weight initialisation matches the multi-task run); equal weighting. Tasks without a
 * head in the current graph are skipped. Caveat: the synthetic data generator draws each task's field by
 * position in the task list, so a task other than the first gets different targets until that is keyed by task id.
 */
export function baselineConfigs(config: ExperimentConfig): { taskId: string; config: ExperimentConfig }[] {
  const { heads } = analyzeGraph(config.graph, { inputDim: datasetInputDim(config.dataset), tasks: config.tasks });
  const out: { taskId: string; config: ExperimentConfig }[] = [];
  config.tasks.forEach((task, t) => {
    const head = heads[task.id];
    if (!head) return;
    const cfg: ExperimentConfig = structuredClone({
      ...config,
      name: clip(`${task.name || task.id} alone (baseline of ${config.name.trim() || 'Untitled'})`, 200),
      tasks: [task],
      graph: singleTaskGraph(config.graph, head, t),
      weighting: { kind: 'equal', params: {}, weights: { [task.id]: 1 } },
    });
    out.push({ taskId: task.id, config: cfg });
  });
  return out;
}

/**
 * The layers task t sees, as a one-task graph. Modules with one output per task follow their kind's
 * `baseline` rule: 'own-output' keeps task t's output (renumbered out0: with one task there is one
 * output); 'bypass' (stream mixers, which have nothing to mix alone) wires task t's stream past them.
 */
function singleTaskGraph(graph: Graph, head: string, t: number): Graph {
  let nodes = graph.nodes.map((n) => ({ ...n }));
  let edges = graph.edges.map((e) => ({ ...e }));
  const own = outHandle(t);
  for (const n of graph.nodes) {
    const rule = nodeKind(n.kind)?.baseline;
    if (!rule) continue;
    if (rule === 'bypass') {
      const stream = edges.filter((e) => e.target === n.id)[t];
      const outs = edges.filter((e) => e.source === n.id && (e.sourceHandle ?? outHandle(0)) === own);
      edges = edges.filter((e) => e.source !== n.id && e.target !== n.id);
      if (stream) for (const e of outs) edges.push({ ...e, source: stream.source, sourceHandle: stream.sourceHandle ?? null });
      nodes = nodes.filter((x) => x.id !== n.id);
    } else {
      edges = edges.filter((e) => e.source !== n.id || (e.sourceHandle ?? outHandle(0)) === own);
      for (const e of edges) if (e.source === n.id) e.sourceHandle = outHandle(0);
    }
  }
  const keep = ancestorsOf({ nodes, edges }, [head]);
  return { nodes: nodes.filter((n) => keep.has(n.id)), edges: edges.filter((e) => keep.has(e.source) && keep.has(e.target)) };
}
