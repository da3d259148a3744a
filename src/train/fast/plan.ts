/**
 * Graph → JS-engine plan: the trained part of a valid graph in topological order,
 * with every parameter in one flat array laid out exactly like the tfjs engine's
 * variables (same order, same Glorot init), so both engines start from the same weights.
 */
import { graphPlan, headUnits, matchWarmStart, nodeKind, type ExperimentConfig, type WarmStartEntry } from '../../model';
import { deriveSeed, makeRng } from '../../data';
import { glorotUniform, initTag } from '../init';
import type { NodeWeights } from '../../protocol';
import type { Act } from './kernels';

export interface FastNode {
  id: string;
  kind: 'input' | 'dense' | 'head' | 'dropout' | 'concat';
  /** plan indices of the inputs, in incoming-edge order */
  srcs: number[];
  /** output features per row */
  width: number;
  act: Act;
  /** dense/head: input features, and offsets of W [fanIn, width] and b [width] in P */
  fanIn: number;
  wOff: number;
  bOff: number;
  /** dropout rate and mask seed base */
  rate: number;
  dropSeed: number;
  /** true when gradients must flow into this node's output (it has a trainable ancestor) */
  needsGrad: boolean;
}

export interface FastPlan {
  nodes: FastNode[];
  /** plan index of each task's head, in config.tasks order */
  heads: number[];
  /** initial parameters */
  P: Float32Array;
}

const ACTS = new Set<string>(['relu', 'tanh', 'sigmoid', 'elu', 'linear']);

/** Why the JS engine cannot run this graph, or null when it can (every trained node is of a kind it implements). */
export function fastUnsupported(config: Pick<ExperimentConfig, 'graph'> & { schedule?: ExperimentConfig['schedule'] }): string | null {
  if (config.schedule) return 'the JS engine has no two-phase schedule';
  for (const n of config.graph.nodes) {
    if (!nodeKind(n.kind)?.jsEngine) return `the JS engine has no ${nodeKind(n.kind)?.label ?? n.kind} layer`;
    if (n.params.frozen === true) return 'the JS engine does not freeze layers';
    if (n.kind === 'dense' && !ACTS.has(String(n.params.activation))) return `the JS engine has no ${String(n.params.activation)} activation`;
  }
  return null;
}

/** Multiply-adds per example of a forward pass (to judge whether the JS engine is the fast choice). */
export function forwardMacs(plan: FastPlan): number {
  return plan.nodes.reduce((a, n) => a + (n.kind === 'dense' || n.kind === 'head' ? n.fanIn * n.width : 0), 0);
}

/** Compile a valid graph; throws with the graph's first error otherwise. */
export function compileFast(config: Pick<ExperimentConfig, 'graph' | 'tasks' | 'seed'>, inputDim: number): FastPlan {
  const why = fastUnsupported(config);
  if (why) throw new Error(why);
  const { headIds, nodes: planned } = graphPlan(config.graph, { inputDim, tasks: config.tasks });
  const index = new Map<string, number>();
  const nodes: FastNode[] = [];
  const chunks: Float32Array[] = [];
  let size = 0;
  for (const { node: g, params, sources, outShapes } of planned) {
    const id = g.id;
    const srcs = sources.map((s) => index.get(s.id)!);
    const node: FastNode = {
      id,
      kind: g.kind as FastNode['kind'],
      srcs,
      width: outShapes[0][0],
      act: 'linear',
      fanIn: 0,
      wOff: -1,
      bOff: -1,
      rate: 0,
      dropSeed: 0,
      needsGrad: srcs.some((s) => nodes[s].needsGrad),
    };
    if (g.kind === 'dense' || g.kind === 'head') {
      const units = g.kind === 'head' ? headUnits(config.tasks.find((t) => t.id === params.taskId)!) : Number(params.units);
      node.act = g.kind === 'head' ? 'linear' : (params.activation as Act);
      node.fanIn = nodes[srcs[0]].width;
      node.width = units;
      node.wOff = size;
      chunks.push(glorotUniform(node.fanIn, units, makeRng(deriveSeed(config.seed, initTag(id)))));
      size += node.fanIn * units;
      node.bOff = size;
      chunks.push(new Float32Array(units));
      size += units;
      node.needsGrad = true;
    } else if (g.kind === 'dropout') {
      node.rate = Number(params.rate);
      node.dropSeed = deriveSeed(config.seed, 'dropout:' + id);
    }
    index.set(id, nodes.length);
    nodes.push(node);
  }
  const P = new Float32Array(size);
  let off = 0;
  for (const c of chunks) {
    P.set(c, off);
    off += c.length;
  }
  return { nodes, heads: headIds.map((h) => index.get(h)!), P };
}

/** The plan's current weights in the tfjs engine's layout: dense and head W [fanIn, width] then b [width]; copies. */
export function snapshotFast(plan: FastPlan): NodeWeights[] {
  return plan.nodes.map((n) => ({
    id: n.id,
    kind: n.kind,
    tensors:
      n.wOff < 0
        ? []
        : [
            { shape: [n.fanIn, n.width], values: plan.P.slice(n.wOff, n.wOff + n.fanIn * n.width) },
            { shape: [n.width], values: plan.P.slice(n.bOff, n.bOff + n.width) },
          ],
  }));
}

/** Warm start: copy each given node's W and b into plan.P where the id and both shapes match (snapshotFast's layout). */
export function loadFast(plan: FastPlan, nodes: readonly NodeWeights[]): WarmStartEntry[] {
  const report = matchWarmStart(snapshotFast(plan).map((n) => ({ id: n.id, shapes: n.tensors.map((t) => t.shape) })), nodes);
  const given = new Map(nodes.map((n) => [n.id, n]));
  for (const r of report) {
    if (r.status !== 'copied') continue;
    const node = plan.nodes.find((n) => n.id === r.nodeId)!;
    const [W, b] = given.get(r.nodeId)!.tensors;
    plan.P.set(W.values, node.wOff);
    plan.P.set(b.values, node.bOff);
  }
  return report;
}
