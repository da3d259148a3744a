/**
 * Graph → JS-engine plan: the trained part of a valid graph in topological order, each node compiled by its
 * kind's kernel (src/kinds/<kind>/fast.ts, collected in fast.gen.ts), with every parameter in one flat array
 * laid out exactly like the tfjs engine's variables (same order, same init), so both engines start from the
 * same weights. Non-trained state (BatchNorm's running statistics) lives in a second array S.
 */
import { graphPlan, matchWarmStart, nodeKind, type ExperimentConfig, type WarmInit, type WarmStartEntry } from '../../model';
import { deriveSeed, makeRng } from '../../data';
import { KIND_KERNELS } from '../../kinds/fast.gen';
import { initTag } from '../init';
import type { NodeWeights } from '../../protocol';
import { purposeSeed, sizeOf, type FastKernel, type FastLayer } from './kernel';

/** One tensor a node owns: in P (trained) or S (state), at `off`. */
export interface FastTensor {
  shape: number[];
  off: number;
  state: boolean;
}

export interface FastNode {
  id: string;
  kind: string;
  /** per incoming edge: the plan index of the source and which of its outputs it reads */
  srcs: { node: number; k: number }[];
  /** elements per example of each output, in handle order */
  widths: number[];
  layer: FastLayer;
  /** the node's tensors in the tfjs builder's order: variables, then state */
  tensors: FastTensor[];
  /** [start, end) of the node's parameters in P (empty when it has none) */
  pStart: number;
  pEnd: number;
  /** params.frozen: its parameters never train */
  frozen: boolean;
  /** true when gradients must flow into this node's outputs (it or an ancestor has parameters) */
  needsGrad: boolean;
}

export interface FastPlan {
  nodes: FastNode[];
  /** plan index of each task's head, in config.tasks order */
  heads: number[];
  /** plan index of the input node */
  input: number;
  /** initial parameters (trained in place) */
  P: Float32Array;
  /** non-trained state */
  S: Float32Array;
}

type Config = Pick<ExperimentConfig, 'graph'> & { schedule?: ExperimentConfig['schedule'] };

const kernelOf = (kind: string): FastKernel | undefined => (KIND_KERNELS as Record<string, FastKernel | undefined>)[kind];

/** Why the JS engine cannot run this graph, or null when it can (every node is of a kind with a fast kernel). */
export function fastUnsupported(config: Config): string | null {
  for (const n of config.graph.nodes) if (!kernelOf(n.kind)) return `the JS engine has no ${nodeKind(n.kind)?.label ?? n.kind} layer`;
  return null;
}

/** Multiply-adds per example of a forward pass (to judge whether the JS engine is the fast choice). */
export function forwardMacs(plan: FastPlan): number {
  return plan.nodes.reduce((a, n) => a + n.layer.macs, 0);
}

/** Collects the tensors kernels reserve, in call order, into one P and one S. */
function allocator() {
  const chunks: { data: Float32Array; state: boolean }[] = [];
  let pSize = 0;
  let sSize = 0;
  const reserve = (shape: number[], init: Float32Array | number, state: boolean, into: FastTensor[]): number => {
    const n = sizeOf(shape);
    const data = typeof init === 'number' ? new Float32Array(n).fill(init) : init;
    if (data.length !== n) throw new Error(`fast kernel: init of ${data.length} values for shape [${shape}]`);
    const off = state ? sSize : pSize;
    if (state) sSize += n;
    else pSize += n;
    chunks.push({ data, state });
    into.push({ shape, off, state });
    return off;
  };
  const arrays = () => {
    const P = new Float32Array(pSize);
    const S = new Float32Array(sSize);
    let p = 0;
    let s = 0;
    for (const c of chunks) {
      if (c.state) (S.set(c.data, s), (s += c.data.length));
      else (P.set(c.data, p), (p += c.data.length));
    }
    return { P, S };
  };
  return { reserve, arrays, get pSize() { return pSize; } };
}

/** Compile a valid graph; throws with the graph's first error, or why the JS engine cannot run it. */
export function compileFast(config: Pick<ExperimentConfig, 'graph' | 'tasks' | 'seed'>, inputDim: number): FastPlan {
  const why = fastUnsupported(config);
  if (why) throw new Error(why);
  const { headIds, nodes: planned } = graphPlan(config.graph, { inputDim, tasks: config.tasks });
  const index = new Map<string, number>();
  const nodes: FastNode[] = [];
  const alloc = allocator();
  for (const { node: g, params, sources, inShapes, outShapes } of planned) {
    const srcs = sources.map((s) => ({ node: index.get(s.id)!, k: s.k }));
    const tensors: FastTensor[] = [];
    const pStart = alloc.pSize;
    const layer = kernelOf(g.kind)!({
      id: g.id,
      params,
      inShapes,
      outShapes,
      tasks: config.tasks,
      rng: makeRng(deriveSeed(config.seed, initTag(g.id))),
      seedFor: (purpose) => purposeSeed(config.seed, purpose, g.id),
      param: (shape, init) => alloc.reserve(shape, init, false, tensors),
      state: (shape, init) => alloc.reserve(shape, init, true, tensors),
    });
    const pEnd = alloc.pSize;
    index.set(g.id, nodes.length);
    nodes.push({
      id: g.id,
      kind: g.kind,
      srcs,
      widths: outShapes.map(sizeOf),
      layer,
      // tfjs snapshots list variables, then state
      tensors: [...tensors.filter((t) => !t.state), ...tensors.filter((t) => t.state)],
      pStart,
      pEnd,
      frozen: params.frozen === true,
      needsGrad: pEnd > pStart || srcs.some((s) => nodes[s.node].needsGrad),
    });
  }
  const input = nodes.findIndex((n) => n.kind === 'input');
  return { nodes, heads: headIds.map((h) => index.get(h)!), input, ...alloc.arrays() };
}

/** The plan's current weights in the tfjs engine's layout (per node: its variables, then its state); copies. */
export function snapshotFast(plan: FastPlan): NodeWeights[] {
  return plan.nodes.map((n) => ({
    id: n.id,
    kind: n.kind,
    tensors: n.tensors.map((t) => {
      const from = t.state ? plan.S : plan.P;
      return { shape: t.shape.slice(), values: from.slice(t.off, t.off + sizeOf(t.shape)) };
    }),
  }));
}

/** Warm start: copy each given node's tensors into P and S where the id and every shape match (snapshotFast's layout). */
export function loadFast(plan: FastPlan, nodes: readonly WarmInit[]): WarmStartEntry[] {
  const report = matchWarmStart(plan.nodes.map((n) => ({ id: n.id, shapes: n.tensors.map((t) => t.shape) })), nodes);
  const given = new Map(nodes.map((n) => [n.id, n]));
  for (const r of report) {
    if (r.status !== 'copied') continue;
    const node = plan.nodes.find((n) => n.id === r.nodeId)!;
    given.get(r.nodeId)!.tensors.forEach((t, i) => (node.tensors[i].state ? plan.S : plan.P).set(t.values, node.tensors[i].off));
  }
  return report;
}
