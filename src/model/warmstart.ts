/**
 * Warm start (memory transfer) and the two-phase schedule: pure rules both engines and the UI share.
 * The engines decide for certain (they know every tensor's shape); the UI's proposal is a preview from the configs.
 */
import { analyzeGraph, incomingEdges, edgeOutput } from './graph';
import { datasetInputDim } from './datasets';
import type { ExperimentConfig, NodeWeights, ScheduleConfig, WarmStartEntry } from './types';

/** runId prefix of a warm-start source that is an uploaded tfjs weights file (kept in memory only). */
export const WARM_FILE_PREFIX = 'file:';

/** "[2,16] [16]": a node's tensor shapes in words. */
export function shapesText(shapes: readonly (readonly number[])[]): string {
  return shapes.length ? shapes.map((s) => `[${s.join(',')}]`).join(' ') : '(no weights)';
}

/**
 * Per source node with weights, whether it can be copied into a model whose nodes have `target` tensor shapes:
 * 'copied' when the id exists and every shape (and the tensor count) matches, else 'missing' or 'mismatch'.
 * Source nodes without tensors are skipped (nothing to copy). Order follows `source`.
 */
export function matchWarmStart(target: readonly { id: string; shapes: number[][] }[], source: readonly NodeWeights[]): WarmStartEntry[] {
  const byId = new Map(target.map((t) => [t.id, t.shapes]));
  const out: WarmStartEntry[] = [];
  for (const n of source) {
    if (n.tensors.length === 0) continue;
    const want = byId.get(n.id);
    const got = n.tensors.map((t) => t.shape);
    if (!want) out.push({ nodeId: n.id, status: 'missing', detail: 'not in this graph' });
    else if (want.length !== got.length || want.some((s, i) => s.length !== got[i].length || s.some((d, j) => d !== got[i][j])))
      out.push({ nodeId: n.id, status: 'mismatch', detail: `shape mismatch: expected ${shapesText(want)} got ${shapesText(got)}` });
    else if (n.tensors.some((t) => t.values.length !== t.shape.reduce((a, d) => a * d, 1)))
      out.push({ nodeId: n.id, status: 'mismatch', detail: 'the values do not fill their shapes' });
    else out.push({ nodeId: n.id, status: 'copied', detail: `copied ${shapesText(got)}` });
  }
  return out;
}

/** A node's weight-determining signature in a config: kind, params (frozen aside), input shapes, and task widths. */
function signature(config: ExperimentConfig, id: string): string | null {
  const node = config.graph.nodes.find((n) => n.id === id);
  if (!node) return null;
  const analysis = analyzeGraph(config.graph, { inputDim: datasetInputDim(config.dataset), tasks: config.tasks });
  const ins = incomingEdges(config.graph, id).map((e) => {
    const outs = analysis.outShapes[e.source] ?? [];
    return outs[edgeOutput(e, outs.length)] ?? null;
  });
  const params = Object.entries(node.params)
    .filter(([k]) => k !== 'frozen')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const head = node.kind === 'head' ? config.tasks.find((t) => t.id === node.params.taskId) : undefined;
  return JSON.stringify([node.kind, params, ins, config.tasks.length, head ? [head.kind, head.classes] : null]);
}

/** One node the UI offers to warm-start, with the engine's likely verdict. */
export interface WarmStartProposal {
  nodeId: string;
  kind: string;
  shapes: number[][];
  /** true when the node exists in `target` with the same kind, parameters and input shapes (so the shapes will match) */
  likely: boolean;
  /** why not, in words ('' when likely) */
  reason: string;
}

/**
 * Which of a source's nodes (those with weights) fit the `target` experiment. With the source's config the check
 * compares kind, parameters and input shapes; without it (an uploaded file with an unreadable topology), the id alone.
 */
export function proposeWarmStart(sourceConfig: ExperimentConfig | null, weights: readonly NodeWeights[], target: ExperimentConfig): WarmStartProposal[] {
  return weights
    .filter((n) => n.tensors.length > 0)
    .map((n) => {
      const shapes = n.tensors.map((t) => t.shape.slice());
      const there = target.graph.nodes.find((g) => g.id === n.id);
      let reason = '';
      if (!there) reason = 'not in this graph';
      else if (there.kind !== n.kind && n.kind) reason = `a ${there.kind} node here, ${n.kind} in the source`;
      else if (sourceConfig && signature(sourceConfig, n.id) !== signature(target, n.id)) reason = 'different parameters or input shape (likely shape mismatch)';
      return { nodeId: n.id, kind: n.kind, shapes, likely: reason === '', reason };
    });
}

/** The phase at a 0-based step: 1 while step < phase1Steps, else 2 (always 2 without a schedule). */
export function phaseAt(schedule: ScheduleConfig | undefined, step: number): 1 | 2 {
  return schedule && step < schedule.phase1Steps ? 1 : 2;
}

/** Per task (in `taskIds` order), whether its loss counts at `step`: phase 1 counts only phase1Tasks. */
export function activeTasks(schedule: ScheduleConfig | undefined, taskIds: readonly string[], step: number): boolean[] {
  if (phaseAt(schedule, step) === 2) return taskIds.map(() => true);
  const on = new Set(schedule!.phase1Tasks);
  return taskIds.map((id) => on.has(id));
}
