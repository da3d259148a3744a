/** The JS engine's forward and backward passes over a compiled plan, on preallocated buffers (no allocation per call). */
import type { TaskSpec } from '../../model';
import { binaryLoss, softmaxLoss, squaredLoss } from './kernels';
import type { NodeIO } from './kernel';
import type { FastPlan } from './plan';

/** Per-batch-size working memory: every node's outputs, output gradients, scratch, and its NodeIO view of them. */
export interface Buffers {
  B: number;
  /** [node][output k] → [B, width_k] */
  acts: Float32Array[][];
  /** [node][output k] → ∂L/∂acts (empty arrays where no gradient is kept) */
  grads: Float32Array[][];
  io: NodeIO[];
  /** every gradient buffer, to zero them at once */
  allGrads: Float32Array[];
}

/**
 * Buffers for B rows. `grads`: 'none' (inference), 'train' (gradients where a parameter is upstream) or 'all'
 * (every node's, down to the input: FGSM). Without 'train' the input buffer is left for bindInput to fill.
 */
export function buffers(plan: FastPlan, B: number, grads: 'none' | 'train' | 'all'): Buffers {
  const { nodes } = plan;
  const acts = nodes.map((n, i) => n.widths.map((w) => new Float32Array(i === plan.input && grads !== 'train' ? 0 : B * w)));
  const keeps = (i: number) => grads === 'all' || (grads === 'train' && nodes[i].needsGrad);
  const g = nodes.map((n, i) => n.widths.map((w) => new Float32Array(keeps(i) ? B * w : 0)));
  const io = nodes.map(
    (n, i): NodeIO => ({
      B,
      ins: n.srcs.map((s) => acts[s.node][s.k]),
      outs: acts[i],
      dIns: n.srcs.map((s) => (keeps(s.node) ? g[s.node][s.k] : null)),
      dOuts: g[i],
      scratch: n.layer.scratch?.(B) ?? [],
      training: false,
      step: 0,
    }),
  );
  return { B, acts, grads: g, io, allGrads: g.flat() };
}

/** Point the input node's output (and its readers' inputs) at x's first B rows: no copy. */
export function bindInput(plan: FastPlan, buf: Buffers, x: Float32Array): void {
  const view = x.subarray(0, buf.B * plan.nodes[plan.input].widths[0]);
  buf.acts[plan.input][0] = view;
  plan.nodes.forEach((n, i) => n.srcs.forEach((s, j) => s.node === plan.input && (buf.io[i].ins[j] = view)));
}

/** Loss of one task on B rows; writes ∂(scale·loss)/∂z into dz when given. Returns the mean loss. */
export function taskLoss(task: TaskSpec, z: Float32Array, y: ArrayLike<number>, B: number, dz: Float32Array | null, scale: number): number {
  switch (task.kind) {
    case 'binary':
      return binaryLoss(z, y, B, dz, scale);
    case 'multiclass':
      return softmaxLoss(z, y, B, task.classes, dz, scale);
    case 'regression':
      return squaredLoss(z, y, B, dz, scale);
  }
}

/** Where gradients are kept: per node, the heads it feeds; which nodes form the shared representation (MGDA-UB's Z). */
export interface Topology {
  feeds: ReadonlySet<number>[];
  boundary: boolean[];
}

/** Forward pass over buf (its input already filled or bound) with parameters P and state S; `step` seeds stochastic layers. */
export function forward(plan: FastPlan, P: Float32Array, buf: Buffers, training: boolean, step: number): void {
  const { nodes, S } = plan;
  for (let n = 0; n < nodes.length; n++) {
    const io = buf.io[n];
    io.training = training;
    io.step = step;
    nodes[n].layer.forward(io, P, S);
  }
}

/** The head outputs of a forward pass: head t's output in config.tasks order. */
export const headOut = (plan: FastPlan, buf: Buffers, t: number): Float32Array => buf.acts[plan.heads[t]][0];

/** Which part of the graph a backward pass visits and what it keeps besides the parameter gradient. */
export interface BackwardScope {
  /** only the nodes feeding this task's head (−1: all) */
  only: number;
  /** with `only`: where to keep that task's gradient at the shared representation, per node and output (null where not kept) */
  repGrads?: (Float32Array[] | null)[];
  /** every node's output gradient down to the input (FGSM; needs buffers with grads 'all') */
  intoInput?: boolean;
}

/** Backpropagate buf.grads (seeded at the heads) into Gout (added to it), through the nodes `scope` selects. */
export function backward(plan: FastPlan, topo: Topology, P: Float32Array, buf: Buffers, Gout: Float32Array, scope: BackwardScope): void {
  const { nodes } = plan;
  const { only, repGrads, intoInput = false } = scope;
  for (let n = nodes.length - 1; n >= 0; n--) {
    const node = nodes[n];
    if (only >= 0 && !topo.feeds[n].has(only)) continue;
    // Every consumer has been visited: buf.grads[n] is now ∂L/∂(outputs of n).
    const keep = only >= 0 && topo.boundary[n] && repGrads ? repGrads[n] : null;
    if (keep) for (let k = 0; k < keep.length; k++) keep[k].set(buf.grads[n][k]);
    // Nothing upstream to reach (no parameters, no input gradient wanted).
    if (node.srcs.length === 0 || (!node.needsGrad && !intoInput)) continue;
    node.layer.backward(buf.io[n], P, Gout);
  }
}
