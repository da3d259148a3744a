/** Graph validation and live shape inference: pure functions over plain graph data. */
import { hasWeights, nodeKind, outputCount, type NodeKindSpec, type Shape, type ShapeContext } from './nodes';
import { coerceParams, type ParamValue } from './params';
import { dict } from './keys';
import type { Graph, GraphEdge, GraphNode } from './types';

export interface GraphAnalysis {
  /** true when the graph can be trained */
  ok: boolean;
  /** topological order of the acyclic part of the graph */
  order: string[];
  /**
   * inferred output shape per node (batch excluded); null where unknown. For a multi-output node: the
   * shape its outputs share (null when they differ); see outShapes.
   */
  shapes: Record<string, Shape | null>;
  /** inferred shape of each output (handle out{k} = index k) per node; absent where unknown */
  outShapes: Record<string, Shape[]>;
  nodeErrors: Record<string, string[]>;
  edgeErrors: Record<string, string>;
  /** problems that belong to no single node (missing input, task without head) */
  errors: string[];
  /** non-blocking remarks, per node */
  warnings: Record<string, string>;
  /** task id → head node id, for tasks with exactly one reachable head */
  heads: Record<string, string>;
  /** the first blocking problem in words, for the Train button; null when ok */
  firstError: string | null;
}

/**
 * Index of the output an edge reads: 0 for a single-output source (sourceHandle null, undefined or
 * "out0"), k for "out{k}"; −1 when the handle does not name one of the source's `n` outputs.
 */
export function edgeOutput(edge: Pick<GraphEdge, 'sourceHandle'>, n: number): number {
  const h = edge.sourceHandle ?? null;
  if (h === null) return n === 1 ? 0 : -1;
  const m = /^out(\d+)$/.exec(h);
  const k = m ? Number(m[1]) : -1;
  return k >= 0 && k < n ? k : -1;
}

/** Incoming edges of a node, in edge-list order (this order defines Concatenate's layout). */
export function incomingEdges(graph: Graph, nodeId: string): GraphEdge[] {
  return graph.edges.filter((e) => e.target === nodeId);
}

/** Ids of the nodes from which some of `targets` can be reached, targets included (the part of a graph that is trained). */
export function ancestorsOf(graph: Graph, targets: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...targets];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const e of graph.edges) if (e.target === id) stack.push(e.source);
  }
  return seen;
}

/**
 * For every node, the indices (into `headIds`) of the heads it feeds, itself included for a head.
 * A node that feeds two or more heads holds shared parameters; one that feeds one is task-specific.
 */
export function headsFedBy(graph: Graph, headIds: string[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  headIds.forEach((h, t) => {
    for (const id of ancestorsOf(graph, [h])) {
      if (!out.has(id)) out.set(id, new Set());
      out.get(id)!.add(t);
    }
  });
  return out;
}

/** The shared representation: nodes that feed ≥ 2 heads and are read by a node feeding exactly one (MGDA-UB's Z). */
export function sharedBoundary(graph: Graph, headIds: string[]): string[] {
  const fed = headsFedBy(graph, headIds);
  const size = (id: string) => fed.get(id)?.size ?? 0;
  return graph.nodes.filter((n) => size(n.id) >= 2 && graph.edges.some((e) => e.source === n.id && size(e.target) === 1)).map((n) => n.id);
}

/** Per-node problems collected while analysing; the records have no prototype (ids are user text). */
interface Findings {
  nodeErrors: Record<string, string[]>;
  edgeErrors: Record<string, string>;
  warnings: Record<string, string>;
  errors: string[];
  addNodeError(id: string, msg: string): void;
}

function newFindings(): Findings {
  const nodeErrors = dict<string[]>();
  return { nodeErrors, edgeErrors: dict<string>(), warnings: dict<string>(), errors: [], addNodeError: (id, msg) => (nodeErrors[id] ??= []).push(msg) };
}

/** The edges that can carry data (both ends exist, not a self-loop, a real output into a node that takes input); the rest get an edge error. */
function usableEdges(graph: Graph, nodes: Map<string, GraphNode>, ctx: ShapeContext, f: Findings): GraphEdge[] {
  const edges: GraphEdge[] = [];
  for (const e of graph.edges) {
    if (!nodes.has(e.source) || !nodes.has(e.target)) {
      f.edgeErrors[e.id] = 'connects to a node that does not exist';
      continue;
    }
    if (e.source === e.target) {
      f.edgeErrors[e.id] = 'a node cannot feed itself';
      f.addNodeError(e.target, 'feeds itself (cycle)');
      continue;
    }
    const src = nodeKind(nodes.get(e.source)!.kind);
    const dst = nodeKind(nodes.get(e.target)!.kind);
    if (src && !src.hasOutput) {
      f.edgeErrors[e.id] = `${src.label} has no output`;
      f.addNodeError(e.source, `${src.label} cannot feed other nodes`);
      continue;
    }
    if (dst && dst.inputs === 'none') {
      f.edgeErrors[e.id] = `${dst.label} takes no input`;
      f.addNodeError(e.target, `${dst.label} takes no incoming edges`);
      continue;
    }
    if (src) {
      const n = outputCount(src, coerceParams(src.params, nodes.get(e.source)!.params), ctx);
      if (edgeOutput(e, n) < 0) {
        f.edgeErrors[e.id] =
          e.sourceHandle == null
            ? `must start at one of the ${n} outputs of ${src.label} (out0…out${n - 1})`
            : `starts at output "${e.sourceHandle}", which ${src.label} does not have`;
        continue;
      }
    }
    edges.push(e);
  }
  return edges;
}

/** Kahn's algorithm over the usable edges: the topological order; whatever is left over sits on a cycle and is reported. */
function topologicalOrder(graph: Graph, edges: GraphEdge[], f: Findings): string[] {
  const indeg = new Map(graph.nodes.map((n) => [n.id, 0]));
  for (const e of edges) indeg.set(e.target, indeg.get(e.target)! + 1);
  const queue = graph.nodes.filter((n) => indeg.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  while (queue.length) {
    const id = queue.shift()!;
    order.push(id);
    for (const e of edges) {
      if (e.source !== id) continue;
      const d = indeg.get(e.target)! - 1;
      indeg.set(e.target, d);
      if (d === 0) queue.push(e.target);
    }
  }
  const inOrder = new Set(order);
  for (const n of graph.nodes) if (!inOrder.has(n.id)) f.addNodeError(n.id, 'is part of a cycle');
  for (const e of edges) if (!inOrder.has(e.source) && !inOrder.has(e.target) && !f.edgeErrors[e.id]) f.edgeErrors[e.id] = 'closes a cycle';
  return order;
}

/** Output shapes in topological order; a node whose shape rule fails gets the rule's message. */
function inferShapes(graph: Graph, nodes: Map<string, GraphNode>, edges: GraphEdge[], order: string[], ctx: ShapeContext, f: Findings) {
  const shapes = dict<Shape | null>();
  const outShapes = dict<Shape[]>();
  for (const n of graph.nodes) shapes[n.id] = null;
  for (const id of order) {
    const n = nodes.get(id)!;
    const spec = nodeKind(n.kind);
    if (!spec || f.nodeErrors[id]) continue;
    // Each edge reads one output of its source (edges with a bad handle were set aside above).
    const ins = edges.filter((e) => e.target === id).map((e) => outShapes[e.source]?.[edgeOutput(e, outShapes[e.source].length)]);
    if (ins.some((s) => s === undefined)) continue; // the upstream node already carries the error
    const params = coerceParams(spec.params, n.params);
    const out = spec.shape(params, ins as Shape[], ctx);
    if (typeof out === 'string') {
      f.addNodeError(id, out);
      continue;
    }
    const list = spec.outputs ? (out as Shape[]) : [out as Shape];
    const want = spec.hasOutput ? outputCount(spec, params, ctx) : 1;
    if (list.length !== want) {
      f.addNodeError(id, `has ${want} outputs but ${list.length} shapes were inferred`);
      continue;
    }
    outShapes[id] = list;
    shapes[id] = list.length > 0 && list.every((s) => s.length === list[0].length && s.every((d, i) => d === list[0][i])) ? list[0] : null;
  }
  return { shapes, outShapes };
}

/** Ids reachable from `starts` following edges forward (`forward`) or backward. */
function walk(edges: GraphEdge[], starts: string[], forward: boolean): Set<string> {
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const e of edges) {
      if (forward && e.source === id) stack.push(e.target);
      if (!forward && e.target === id) stack.push(e.source);
    }
  }
  return seen;
}

/** Task id → its one head; heads not fed by the Input, tasks with no or two heads, unused nodes and an all-frozen model are reported. */
function checkHeads(graph: Graph, edges: GraphEdge[], input: GraphNode | undefined, ctx: ShapeContext, f: Findings): Record<string, string> {
  const reach = input ? walk(edges, [input.id], true) : new Set<string>();
  const useful = walk(
    edges,
    graph.nodes.filter((n) => n.kind === 'head').map((n) => n.id),
    false,
  );
  const heads = dict<string>();
  const headsPerTask = new Map<string, string[]>();
  for (const n of graph.nodes) {
    if (n.kind !== 'head') continue;
    if (input && !reach.has(n.id) && !f.nodeErrors[n.id]) f.addNodeError(n.id, 'is not connected to the Input');
    const taskId = String(n.params.taskId ?? '');
    if (ctx.tasks.some((t) => t.id === taskId)) headsPerTask.set(taskId, [...(headsPerTask.get(taskId) ?? []), n.id]);
  }
  for (const t of ctx.tasks) {
    const hs = headsPerTask.get(t.id) ?? [];
    if (hs.length === 0) f.errors.push(`Task "${t.name}" has no head.`);
    else if (hs.length > 1) for (const h of hs) f.addNodeError(h, `task "${t.name}" has ${hs.length} heads; keep one`);
    else heads[t.id] = hs[0];
  }
  for (const n of graph.nodes) {
    if (n.kind !== 'head' && !useful.has(n.id) && !f.nodeErrors[n.id]) f.warnings[n.id] = 'output is unused (feeds no head)';
  }
  // Training needs at least one trainable weight among the nodes that lead to a head.
  const weighted = graph.nodes.filter((n) => useful.has(n.id) && nodeKind(n.kind) && hasWeights(nodeKind(n.kind)!));
  if (weighted.length > 0 && weighted.every((n) => n.params.frozen === true)) f.errors.push('Every layer with weights is frozen; unfreeze at least one.');
  return heads;
}

/**
 * Validate a graph and infer shapes. Reports: unknown kinds, dangling edges,
 * missing/extra Input nodes, wrong arity, cycles, shape mismatches, heads not
 * reachable from the Input, two heads for one task, and tasks without a head.
 */
export function analyzeGraph(graph: Graph, ctx: ShapeContext): GraphAnalysis {
  const f = newFindings();
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = usableEdges(graph, nodes, ctx, f);
  for (const n of graph.nodes) {
    const spec = nodeKind(n.kind);
    if (!spec) f.addNodeError(n.id, `unknown node kind "${n.kind}"`);
    else if (spec.inputs === 'one') {
      const k = edges.filter((e) => e.target === n.id).length;
      if (k > 1) f.addNodeError(n.id, `takes one input but has ${k}`);
    }
  }
  const inputs = graph.nodes.filter((n) => n.kind === 'input');
  if (inputs.length === 0) f.errors.push('Add an Input node.');
  for (const extra of inputs.slice(1)) f.addNodeError(extra.id, 'only one Input node is allowed');

  const order = topologicalOrder(graph, edges, f);
  const { shapes, outShapes } = inferShapes(graph, nodes, edges, order, ctx, f);
  const heads = checkHeads(graph, edges, inputs[0], ctx, f);

  const { nodeErrors, edgeErrors, errors, warnings } = f;
  const firstNode = graph.nodes.find((n) => nodeErrors[n.id]);
  const firstEdge = graph.edges.find((e) => edgeErrors[e.id]);
  const label = (id: string) => nodeKind(nodes.get(id)?.kind ?? '')?.label ?? id;
  const firstError =
    errors[0] ??
    (firstNode ? `${label(firstNode.id)} (${firstNode.id}) ${nodeErrors[firstNode.id][0]}.` : null) ??
    (firstEdge ? `Edge ${firstEdge.source} → ${firstEdge.target} ${edgeErrors[firstEdge.id]}.` : null);
  return { ok: firstError === null, order, shapes, outShapes, nodeErrors, edgeErrors, errors, warnings, heads, firstError };
}

/** One node of a valid graph's trained part, with what an engine or exporter needs to build it. */
export interface PlannedNode {
  node: GraphNode;
  spec: NodeKindSpec;
  /** params coerced to the kind's descriptors (complete and in range) */
  params: Record<string, ParamValue>;
  /** per incoming edge, in edge order: the source node and which of its outputs it reads */
  sources: { id: string; k: number }[];
  /** input shapes (batch excluded), one per source */
  inShapes: Shape[];
  /** output shapes (batch excluded), in handle order */
  outShapes: Shape[];
}

/**
 * The nodes that lead to a head, in topological order, and each task's head id (config.tasks order);
 * throws "The graph cannot be {verb}: {first error}" for an invalid graph. The build order every engine
 * and exporter shares (weights are laid out in it).
 */
export function graphPlan(graph: Graph, ctx: ShapeContext, verb = 'trained'): { headIds: string[]; nodes: PlannedNode[] } {
  const analysis = analyzeGraph(graph, ctx);
  if (!analysis.ok) throw new Error(`The graph cannot be ${verb}: ${analysis.firstError}`);
  const headIds = ctx.tasks.map((t) => analysis.heads[t.id]);
  const needed = ancestorsOf(graph, headIds);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const outs = analysis.outShapes;
  const nodes = analysis.order
    .filter((id) => needed.has(id))
    .map((id): PlannedNode => {
      const node = byId.get(id)!;
      const spec = nodeKind(node.kind)!;
      const sources = incomingEdges(graph, id).map((e) => ({ id: e.source, k: edgeOutput(e, outs[e.source].length) }));
      return { node, spec, params: coerceParams(spec.params, node.params), sources, inShapes: sources.map((s) => outs[s.id][s.k]), outShapes: outs[id] };
    });
  return { headIds, nodes };
}
