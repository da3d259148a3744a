/**
 * The JS engine's part of a step: the probe (gather the batch, forward, each task's loss gradient at its head
 * and, for 'grads', each task's own backward pass) and the update (combine, optimiser). Every buffer is made
 * once; a step allocates only the strategy's small arrays.
 */
import { usesRepresentation, type DatasetArrays, type ExperimentConfig } from '../../model';
import type { StepGeometry } from '../batches';
import type { EngineCore, Probe } from '../trainer';
import { gramOf } from '../weighting';
import { adamStep, momentumStep } from './kernels';
import { backward, buffers, forward, headOut, taskLoss, type Topology } from './passes';
import type { FastPlan } from './plan';

/** A JS-engine probe: which kind of gradient the update combines. */
export interface FastProbe extends Probe {
  /** true when every task's gradient is in Gt (the update combines them); false: the update runs one weighted backward pass */
  perTask: boolean;
}

/** Parameters that some ≥ 2 tasks' heads are fed by: a 0/1 mask over P and its indices. */
function sharedParams(plan: FastPlan, topo: Topology): { mask: Uint8Array; idx: Int32Array } {
  const mask = new Uint8Array(plan.P.length);
  plan.nodes.forEach((node, n) => {
    if (!node.frozen && topo.feeds[n].size >= 2) mask.fill(1, node.pStart, node.pEnd);
  });
  return { mask, idx: Int32Array.from(Array.from(mask.keys()).filter((i) => mask[i])) };
}

/** The boundary gradients of one task joined into one vector. */
function concatViews(parts: (Float32Array[] | null)[]): Float32Array {
  const present = parts.flatMap((p) => p ?? []);
  const out = new Float32Array(present.reduce((a, p) => a + p.length, 0));
  let off = 0;
  for (const p of present) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** The step's engine-core parts over the plan's parameters (trained in place). `keepEpochLoss`: sum every step's losses for the epoch. */
export function fastStep(
  config: ExperimentConfig,
  data: DatasetArrays,
  plan: FastPlan,
  topo: Topology,
  geometry: StepGeometry,
  keepEpochLoss: boolean,
): Pick<EngineCore<FastProbe>, 'hasShared' | 'startEpoch' | 'probe' | 'update' | 'release' | 'takeEpochLosses'> {
  const { nodes, heads, P } = plan;
  const tasks = config.tasks;
  const T = tasks.length;
  const D = data.inputDim;
  const { batch } = geometry;
  const { kind: optKind, learningRate: lr, momentum: mu } = config.optimizer;
  const onRepresentation = usesRepresentation(config.weighting);
  const shared = sharedParams(plan, topo);
  const frozen = nodes.filter((n) => n.frozen && n.pEnd > n.pStart);
  /** Frozen parameters never move: their gradient is dropped before any use (tfjs leaves them out of its variables). */
  const dropFrozen = (g: Float32Array) => {
    for (const n of frozen) g.fill(0, n.pStart, n.pEnd);
  };

  const train = buffers(plan, batch, 'train');
  const repGrads = tasks.map(() => nodes.map((node, n) => (topo.boundary[n] ? node.widths.map((w) => new Float32Array(batch * w)) : null)));
  const dz = heads.map((h) => new Float32Array(batch * nodes[h].widths[0]));
  const yBatch = tasks.map(() => new Float32Array(batch));
  const G = new Float32Array(P.length);
  const m1 = new Float32Array(P.length);
  const m2 = new Float32Array(P.length);
  const Gt = tasks.map(() => new Float32Array(P.length));
  const losses = new Array<number>(T).fill(0);
  const epochLoss = new Array<number>(T).fill(0);
  const sharedBufs = tasks.map(() => new Float32Array(shared.idx.length));
  /** Task t's gradient restricted to the shared parameters (into a reused buffer). */
  const sharedValues = (g: Float32Array, t: number): Float32Array => {
    const out = sharedBufs[t];
    for (let i = 0; i < shared.idx.length; i++) out[i] = g[shared.idx[i]];
    return out;
  };
  let order: Int32Array = new Int32Array(0);

  /** Each task's own backward pass into Gt[t] (and its representation gradient); the Gram matrices of both. */
  function perTaskGradients(): Pick<Probe, 'gram' | 'solveGram'> {
    for (let t = 0; t < T; t++) {
      for (const g of train.allGrads) g.fill(0);
      train.grads[heads[t]][0].set(dz[t]);
      Gt[t].fill(0);
      backward(plan, topo, P, train, Gt[t], { only: t, repGrads: repGrads[t] });
      dropFrozen(Gt[t]);
    }
    const gram = shared.idx.length > 0 ? gramOf(Gt.map((g, t) => sharedValues(g, t))) : null;
    // MGDA-UB on the representation: solve on ∂L_t/∂Z instead of the shared parameters' gradients.
    return { gram, solveGram: onRepresentation ? gramOf(repGrads.map((r) => concatViews(r))) : gram };
  }

  return {
    hasShared: () => shared.idx.length > 0,
    startEpoch(rows) {
      order = rows;
    },
    probe(step, start, need) {
      const xb = train.acts[plan.input][0];
      for (let i = 0; i < batch; i++) {
        const r = order[start + i];
        for (let k = 0; k < D; k++) xb[i * D + k] = data.xTrain[r * D + k];
        for (let t = 0; t < T; t++) yBatch[t][i] = data.yTrain[tasks[t].id][r];
      }
      forward(plan, P, train, true, step);
      // Each task's unweighted ∂L_t/∂z on its head (mean over the batch). The losses cost nothing more: always read.
      for (let t = 0; t < T; t++) losses[t] = taskLoss(tasks[t], headOut(plan, train, t), yBatch[t], batch, dz[t], 1 / batch);
      if (need !== 'grads') return { losses, gram: null, solveGram: null, perTask: false };
      return { losses, ...perTaskGradients(), perTask: true };
    },
    update(step, p, w) {
      if (p.perTask) {
        for (let k = 0; k < G.length; k++) {
          const c = shared.mask[k] ? w.shared : w.task;
          let v = 0;
          for (let t = 0; t < T; t++) v += c[t] * Gt[t][k];
          G[k] = v;
        }
      } else {
        for (const g of train.allGrads) g.fill(0);
        for (let t = 0; t < T; t++) {
          const d = train.grads[heads[t]][0];
          for (let i = 0; i < d.length; i++) d[i] = dz[t][i] * w.task[t];
        }
        G.fill(0);
        backward(plan, topo, P, train, G, { only: -1 });
        dropFrozen(G);
      }
      if (keepEpochLoss) for (let t = 0; t < T; t++) epochLoss[t] += losses[t];
      if (optKind === 'adam') adamStep(P, G, m1, m2, step + 1, lr);
      else momentumStep(P, G, m1, lr, mu);
    },
    release() {},
    takeEpochLosses() {
      const sums = [...epochLoss];
      epochLoss.fill(0);
      return sums;
    },
  };
}
