/**
 * Warm start (memory transfer) and the two-phase schedule: pure rules both engines and the UI share.
 * The engines decide for certain (they know every tensor's shape); the UI's proposal is a preview from the configs.
 */
import { analyzeGraph, incomingEdges, edgeOutput } from './graph';
import { hasWeights, nodeKind } from './nodes';
import { coerceParams } from './params';
import { datasetInputDim } from './datasets';
import type { ExperimentConfig, NodeWeights, ScheduleConfig, WarmInit, WarmStartEntry } from './types';

/** runId prefix of a warm-start source that is an uploaded tfjs weights file (kept in memory only). */
export const WARM_FILE_PREFIX = 'file:';

/** "[2,16] [16]": a node's tensor shapes in words. */
export function shapesText(shapes: readonly (readonly number[])[]): string {
  return shapes.length ? shapes.map((s) => `[${s.join(',')}]`).join(' ') : '(no weights)';
}

/**
 * Per source node with weights, whether it can be copied into a model whose nodes have `target` tensor shapes:
 * 'copied' when the id exists and every shape (and the tensor count) matches, else 'missing' or 'mismatch'; `from` is the
 * source node the tensors came from (the id itself unless the page matched them by structure).
 * Source nodes without tensors are skipped (nothing to copy). Order follows `source`.
 */
export function matchWarmStart(target: readonly { id: string; shapes: number[][] }[], source: readonly WarmInit[]): WarmStartEntry[] {
  const byId = new Map(target.map((t) => [t.id, t.shapes]));
  const out: WarmStartEntry[] = [];
  for (const n of source) {
    if (n.tensors.length === 0) continue;
    const want = byId.get(n.id);
    const got = n.tensors.map((t) => t.shape);
    const from = n.from ?? n.id;
    if (!want) out.push({ nodeId: n.id, from, status: 'missing', detail: 'not in this graph' });
    else if (want.length !== got.length || want.some((s, i) => s.length !== got[i].length || s.some((d, j) => d !== got[i][j])))
      out.push({ nodeId: n.id, from, status: 'mismatch', detail: `shape mismatch: expected ${shapesText(want)} got ${shapesText(got)}` });
    else if (n.tensors.some((t) => t.values.length !== t.shape.reduce((a, d) => a * d, 1)))
      out.push({ nodeId: n.id, from, status: 'mismatch', detail: 'the values do not fill their shapes' });
    else out.push({ nodeId: n.id, from, status: 'copied', detail: `copied ${shapesText(got)}` });
  }
  return out;
}

/** Per node of a config: its local signature (what fixes its weight shapes) and its deep one (the same along every path from the Input). */
function signatures(config: ExperimentConfig): { local: Map<string, string>; deep: Map<string, string>; order: string[] } {
  const analysis = analyzeGraph(config.graph, { inputDim: datasetInputDim(config.dataset), tasks: config.tasks });
  const byId = new Map(config.graph.nodes.map((n) => [n.id, n]));
  const local = new Map<string, string>();
  for (const node of config.graph.nodes) {
    const spec = nodeKind(node.kind);
    const ins = incomingEdges(config.graph, node.id).map((e) => {
      const outs = analysis.outShapes[e.source] ?? [];
      return outs[edgeOutput(e, outs.length)] ?? null;
    });
    // Coerced, so an omitted default and the same value written out compare equal; freezing changes no shape.
    const coerced = spec ? coerceParams(spec.params, node.params) : node.params;
    const params = Object.entries(coerced)
      .filter(([k]) => k !== 'frozen')
      .sort(([a], [b]) => (a < b ? -1 : 1));
    const head = node.kind === 'head' ? config.tasks.find((t) => t.id === node.params.taskId) : undefined;
    local.set(node.id, JSON.stringify([node.kind, params, ins, config.tasks.length, head ? [head.kind, head.classes] : null]));
  }
  const deep = new Map<string, string>();
  const deepOf = (id: string, seen: Set<string>): string => {
    const known = deep.get(id);
    if (known !== undefined) return known;
    if (seen.has(id) || !byId.has(id)) return 'cycle';
    seen.add(id);
    const ups = incomingEdges(config.graph, id).map((e) => [e.sourceHandle ?? null, deepOf(e.source, seen)]);
    const sig = JSON.stringify([local.get(id), ups]);
    deep.set(id, sig);
    return sig;
  };
  for (const n of config.graph.nodes) deepOf(n.id, new Set());
  const order = [...analysis.order, ...config.graph.nodes.map((n) => n.id).filter((id) => !analysis.order.includes(id))];
  return { local, deep, order };
}

/** One node of the target graph that can hold weights, and the source node the UI would copy into it. */
export interface WarmStartProposal {
  /** the target node's id */
  nodeId: string;
  kind: string;
  /** the source node whose tensors it takes; null when the source has no node of this kind (or id) at all */
  from: string | null;
  /** the source node's tensor shapes ([] when from is null) */
  shapes: number[][];
  /** true when `from` has the same kind, parameters and input shapes (so the engine's shape check will pass) */
  likely: boolean;
  /** why not, in words ('' when likely) */
  reason: string;
}

/** A warm-start plan: per target node with weights (topological order), and the source nodes no target takes. */
export interface WarmStartPlan {
  entries: WarmStartProposal[];
  unused: { nodeId: string; kind: string; shapes: number[][] }[];
}

/**
 * Which source node (of those with weights) each of `target`'s weighted nodes takes, matched by structure: same kind,
 * parameters and input shapes, preferring, in turn, the same position along the graph with the same id, the same
 * position, the same id, then source order; each source node goes to one target at most. Without the source's
 * config (an uploaded file with an unreadable topology) only the id and kind are compared.
 */
export function planWarmStart(sourceConfig: ExperimentConfig | null, weights: readonly NodeWeights[], target: ExperimentConfig): WarmStartPlan {
  const src = weights.filter((n) => n.tensors.length > 0);
  const srcById = new Map(src.map((n) => [n.id, n]));
  const shapesOf = (n: NodeWeights | undefined) => (n ? n.tensors.map((t) => t.shape.slice()) : []);
  const t = signatures(target);
  const s = sourceConfig ? signatures(sourceConfig) : null;
  const nodes = new Map(target.graph.nodes.map((n) => [n.id, n]));
  const weighted = t.order.filter((id) => {
    const spec = nodeKind(nodes.get(id)!.kind);
    return spec ? hasWeights(spec) : false;
  });
  const taken = new Set<string>();
  const entries = weighted.map((id): WarmStartProposal => {
    const kind = nodes.get(id)!.kind;
    const sameId = srcById.get(id);
    let pick: NodeWeights | undefined;
    if (s) {
      const fits = src.filter((n) => !taken.has(n.id) && s.local.get(n.id) === t.local.get(id));
      const deep = (n: NodeWeights) => s.deep.get(n.id) === t.deep.get(id);
      pick = fits.find((n) => deep(n) && n.id === id) ?? fits.find(deep) ?? fits.find((n) => n.id === id) ?? fits[0];
    } else if (sameId && !taken.has(id) && (!sameId.kind || sameId.kind === kind)) pick = sameId;
    if (pick) {
      taken.add(pick.id);
      return { nodeId: id, kind, from: pick.id, shapes: shapesOf(pick), likely: true, reason: '' };
    }
    // Nothing fits: offer the same-id node (the engine will say why it refuses it), else nothing.
    const other = sameId && !taken.has(id) ? sameId : undefined;
    let reason = 'no source node of this kind, parameters and input shape';
    if (other && other.kind && other.kind !== kind) reason = `a ${kind} node here, ${other.kind} in the source`;
    else if (other) reason = 'different parameters or input shape (likely shape mismatch)';
    return { nodeId: id, kind, from: other?.id ?? null, shapes: shapesOf(other), likely: false, reason };
  });
  const unused = src.filter((n) => !taken.has(n.id)).map((n) => ({ nodeId: n.id, kind: n.kind, shapes: shapesOf(n) }));
  return { entries, unused };
}

/**
 * The `init` a start message carries: for each chosen target node with a source, that source's tensors addressed to
 * the target id, with `from` naming the source node (the engines copy by id and report `from`).
 */
export function warmInit(plan: WarmStartPlan, chosen: readonly string[], weights: readonly NodeWeights[]): WarmInit[] {
  const byId = new Map(weights.map((n) => [n.id, n]));
  const want = new Set(chosen);
  const out: WarmInit[] = [];
  for (const e of plan.entries) {
    const w = e.from !== null && want.has(e.nodeId) ? byId.get(e.from) : undefined;
    if (w) out.push({ id: e.nodeId, kind: w.kind, tensors: w.tensors, from: w.id });
  }
  return out;
}

/** The target nodes a warm start will (likely) copy into: chosen and fitted by structure. */
export function warmCopies(plan: WarmStartPlan, chosen: readonly string[]): Set<string> {
  const want = new Set(chosen);
  return new Set(plan.entries.filter((e) => e.likely && want.has(e.nodeId)).map((e) => e.nodeId));
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
