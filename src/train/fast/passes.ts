/** The JS engine's forward and backward passes over a compiled plan, on preallocated buffers (no allocation per call). */
import type { TaskSpec } from '../../model';
import { deriveSeed, makeRng } from '../../data';
import { activationBackward, binaryLoss, denseBackward, denseForward, softmaxLoss, squaredLoss } from './kernels';
import type { FastPlan } from './plan';

/** Per-batch-size working memory: one activation buffer per node (and grads and masks for training). */
export interface Buffers {
  B: number;
  acts: Float32Array[];
  grads: Float32Array[];
  masks: (Float32Array | null)[];
}

/** Buffers for B rows; `training` adds gradient and dropout-mask buffers. */
export function buffers(plan: FastPlan, B: number, training: boolean): Buffers {
  return {
    B,
    // The input's buffer is filled by gathering rows (training) or replaced by a view (evaluation).
    acts: plan.nodes.map((n) => new Float32Array(B * n.width)),
    grads: training ? plan.nodes.map((n) => new Float32Array(n.needsGrad || n.kind === 'head' ? B * n.width : 0)) : [],
    masks: plan.nodes.map((n) => (training && n.kind === 'dropout' && n.rate > 0 ? new Float32Array(B * n.width) : null)),
  };
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

/** Forward pass over buf (its input buffer already filled) with parameters P; dropout masks from (seed, node, step) when training. */
export function forward(plan: FastPlan, P: Float32Array, buf: Buffers, training: boolean, step: number): void {
  const { nodes } = plan;
  const B = buf.B;
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n];
    const out = buf.acts[n];
    switch (node.kind) {
      case 'input':
        break;
      case 'dense':
      case 'head':
        denseForward(buf.acts[node.srcs[0]], B, node.fanIn, node.width, P, node.wOff, node.bOff, node.act, out);
        break;
      case 'dropout': {
        const x = buf.acts[node.srcs[0]];
        const mask = buf.masks[n];
        if (!training || !mask) {
          out.set(x.subarray(0, B * node.width));
          break;
        }
        // Mask from (seed, node, step) only: reruns draw the same masks. Kept units scale by 1/(1 − rate).
        const rng = makeRng(deriveSeed(node.dropSeed, String(step)));
        const keep = 1 / (1 - node.rate);
        for (let i = 0; i < mask.length; i++) {
          mask[i] = rng.next() < node.rate ? 0 : keep;
          out[i] = x[i] * mask[i];
        }
        break;
      }
      case 'concat': {
        let off = 0;
        for (const s of node.srcs) {
          const w = nodes[s].width;
          const x = buf.acts[s];
          for (let i = 0; i < B; i++) for (let c = 0; c < w; c++) out[i * node.width + off + c] = x[i * w + c];
          off += w;
        }
        break;
      }
    }
  }
}

/** Which part of the graph a backward pass visits and what it keeps besides the parameter gradient. */
export interface BackwardScope {
  /** only the nodes feeding this task's head (−1: all) */
  only: number;
  /** with `only`: where to keep that task's gradient at the shared representation, per node (null where not kept) */
  repGrads?: (Float32Array | null)[];
  /** every node's output gradient down to the input (FGSM) */
  intoInput?: boolean;
}

/** Backpropagate buf.grads (seeded at the heads) into Gout (added to it), through the nodes `scope` selects. */
export function backward(plan: FastPlan, topo: Topology, P: Float32Array, buf: Buffers, Gout: Float32Array, scope: BackwardScope): void {
  const { nodes } = plan;
  const { only, repGrads, intoInput = false } = scope;
  const B = buf.B;
  const wants = (s: number) => intoInput || nodes[s].needsGrad;
  for (let n = nodes.length - 1; n >= 0; n--) {
    const node = nodes[n];
    if (only >= 0 && !topo.feeds[n].has(only)) continue;
    // Every consumer has been visited: buf.grads[n] is now ∂L/∂(output of n).
    if (only >= 0 && topo.boundary[n] && repGrads) repGrads[n]!.set(buf.grads[n]);
    const d = buf.grads[n];
    switch (node.kind) {
      case 'input':
        break;
      case 'dense':
      case 'head': {
        const s = node.srcs[0];
        activationBackward(d, buf.acts[n], B * node.width, node.act);
        denseBackward(buf.acts[s], B, node.fanIn, node.width, P, Gout, node.wOff, node.bOff, d, wants(s) ? buf.grads[s] : null);
        break;
      }
      case 'dropout': {
        const s = node.srcs[0];
        if (!wants(s)) break;
        const ds = buf.grads[s];
        const mask = buf.masks[n];
        for (let i = 0; i < d.length; i++) ds[i] += mask ? d[i] * mask[i] : d[i];
        break;
      }
      case 'concat': {
        let off = 0;
        for (const s of node.srcs) {
          const w = nodes[s].width;
          if (wants(s)) {
            const ds = buf.grads[s];
            for (let i = 0; i < B; i++) for (let c = 0; c < w; c++) ds[i * w + c] += d[i * node.width + off + c];
          }
          off += w;
        }
        break;
      }
    }
  }
}
