/**
 * The JS engine's part of a step: the probe (gather the batch, forward, each task's loss gradient at its head
 * and, for 'grads', each task's own backward pass) and the update (combine, optimiser). Every buffer is made
 * once; a step allocates only the strategy's small arrays.
 */
import { usesRepresentation, weightingSpec, type DatasetArrays, type ExperimentConfig } from '../../model';
import type { StepGeometry } from '../batches';
import type { EngineCore, Probe } from '../trainer';
import { gramOf } from '../weighting';
import { adamStep, momentumStep } from './kernels';
import { backward, buffers, forward, headOut, taskLoss, type Topology } from './passes';
import type { FastPlan } from './plan';
import type { PhasePlan } from '../phases';

/** A JS-engine probe: which kind of gradient the update combines. */
export interface FastProbe extends Probe {
  /** true when every task's gradient is in Gt (the update combines them); false: the update runs one weighted backward pass */
  perTask: boolean;
}

/** What one phase trains: P's untrained ranges (frozen or off this phase) and its shared parameters (a 0/1 mask and indices). */
interface PhaseParams {
  trains: boolean;
  untrained: [start: number, end: number][];
  shared: { mask: Uint8Array; idx: Int32Array };
}

/** The parameters `phase` trains, split like the tfjs engine's variables: frozen never, shared when they feed ≥ 2 tasks. */
function phaseParams(plan: FastPlan, topo: Topology, phases: PhasePlan, phase: 1 | 2): PhaseParams {
  const mask = new Uint8Array(plan.P.length);
  const untrained: [number, number][] = [];
  let trains = false;
  plan.nodes.forEach((node, n) => {
    if (node.pEnd === node.pStart) return;
    if (node.frozen || !phases.trains(phase, { node: node.id, tasks: topo.feeds[n] })) untrained.push([node.pStart, node.pEnd]);
    else {
      trains = true;
      if (topo.feeds[n].size >= 2) mask.fill(1, node.pStart, node.pEnd);
    }
  });
  return { trains, untrained, shared: { mask, idx: Int32Array.from(Array.from(mask.keys()).filter((i) => mask[i])) } };
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

/** G ← Σ_t c_t·Gt[t] per parameter, c = the shared coefficients on the shared parameters and the task ones elsewhere; a strategy's own shared direction (gradVectors) replaces the sum there. */
function combineGradients(G: Float32Array, Gt: readonly Float32Array[], shared: { mask: ArrayLike<boolean | number>; idx: ArrayLike<number> }, w: { shared: number[]; task: number[]; direction?: Float64Array }): void {
  const T = Gt.length;
  for (let k = 0; k < G.length; k++) {
    const c = shared.mask[k] ? w.shared : w.task;
    let v = 0;
    for (let t = 0; t < T; t++) v += c[t] * Gt[t][k];
    G[k] = v;
  }
  if (w.direction) for (let i = 0; i < shared.idx.length; i++) G[shared.idx[i]] = w.direction[i];
}

/** Copies the batch's rows (order[start …]) into the input activations and each task's targets. */
function loadBatch(xb: Float32Array, yBatch: Float32Array[], data: DatasetArrays, tasks: ExperimentConfig['tasks'], order: Int32Array, start: number, batch: number): void {
  const D = data.inputDim;
  for (let i = 0; i < batch; i++) {
    const r = order[start + i];
    for (let k = 0; k < D; k++) xb[i * D + k] = data.xTrain[r * D + k];
    for (let t = 0; t < tasks.length; t++) yBatch[t][i] = data.yTrain[tasks[t].id][r];
  }
}

/** The step's engine-core parts over the plan's parameters (trained in place). `keepEpochLoss`: sum every step's losses for the epoch. */
export function fastStep(
  config: ExperimentConfig,
  data: DatasetArrays,
  plan: FastPlan,
  topo: Topology,
  geometry: StepGeometry,
  keepEpochLoss: boolean,
  phases: PhasePlan,
): Pick<EngineCore<FastProbe>, 'trains' | 'hasShared' | 'enterPhase' | 'startEpoch' | 'probe' | 'update' | 'lossesAfter' | 'release' | 'takeEpochLosses'> {
  const { nodes, heads, P } = plan;
  const tasks = config.tasks;
  const T = tasks.length;
  const { batch } = geometry;
  const { kind: optKind, learningRate: lr, momentum: mu } = config.optimizer;
  const onRepresentation = usesRepresentation(config.weighting);
  const wantVectors = weightingSpec(config.weighting.kind)?.gradVectors ?? false;
  let phase = phaseParams(plan, topo, phases, phases.phaseAt(0));
  /** The optimiser's own step count: a phase starts a fresh optimiser (new moments, bias correction from 1). */
  let optStep = 0;
  /** Parameters this phase does not train never move: their gradient is dropped before any use (tfjs leaves them out of its variables). */
  const dropUntrained = (g: Float32Array) => {
    for (const [a, b] of phase.untrained) g.fill(0, a, b);
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
  const sharedBufs = tasks.map(() => new Float32Array(P.length));
  /** Task t's gradient restricted to the shared parameters (into a reused buffer). */
  const sharedValues = (g: Float32Array, t: number): Float32Array => {
    const { idx } = phase.shared;
    const out = sharedBufs[t].subarray(0, idx.length);
    for (let i = 0; i < idx.length; i++) out[i] = g[idx[i]];
    return out;
  };
  let order: Int32Array = new Int32Array(0);

  /** Each task's own backward pass into Gt[t] (and its representation gradient); the Gram matrices of both, and the shared vectors when asked. */
  function perTaskGradients(): Pick<Probe, 'gram' | 'solveGram' | 'grads'> {
    for (let t = 0; t < T; t++) {
      for (const g of train.allGrads) g.fill(0);
      train.grads[heads[t]][0].set(dz[t]);
      Gt[t].fill(0);
      backward(plan, topo, P, train, Gt[t], { only: t, repGrads: repGrads[t] });
      dropUntrained(Gt[t]);
    }
    const vectors = Gt.map((g, t) => sharedValues(g, t));
    const gram = phase.shared.idx.length > 0 ? gramOf(vectors) : null;
    // MGDA-UB on the representation: solve on ∂L_t/∂Z instead of the shared parameters' gradients.
    const solveGram = onRepresentation ? gramOf(repGrads.map((r) => concatViews(r))) : gram;
    return { gram, solveGram, grads: wantVectors && phase.shared.idx.length > 0 ? vectors : null };
  }

  const after = new Array<number>(T).fill(0);
  const dzAfter = heads.map((h) => new Float32Array(batch * nodes[h].widths[0]));

  return {
    trains: () => phase.trains,
    hasShared: () => phase.shared.idx.length > 0,
    enterPhase(p) {
      phase = phaseParams(plan, topo, phases, p);
      m1.fill(0);
      m2.fill(0);
      optStep = 0;
    },
    startEpoch(rows) {
      order = rows;
    },
    probe(step, start, need) {
      loadBatch(train.acts[plan.input][0], yBatch, data, tasks, order, start, batch);
      forward(plan, P, train, true, step);
      // Each task's unweighted ∂L_t/∂z on its head (mean over the batch). The losses cost nothing more: always read.
      for (let t = 0; t < T; t++) losses[t] = taskLoss(tasks[t], headOut(plan, train, t), yBatch[t], batch, dz[t], 1 / batch);
      if (need !== 'grads') return { losses, gram: null, solveGram: null, perTask: false };
      return { losses, ...perTaskGradients(), perTask: true };
    },
    update(step, p, w) {
      if (p.perTask) {
        combineGradients(G, Gt, phase.shared, w);
      } else {
        for (const g of train.allGrads) g.fill(0);
        const on = phases.scheduled ? phases.activeTasks(step) : null;
        for (let t = 0; t < T; t++) {
          const d = train.grads[heads[t]][0];
          // An inactive task's term is left out (not multiplied by 0: NaN-safe), as on tfjs.
          if (on && !on[t]) continue;
          for (let i = 0; i < d.length; i++) d[i] = dz[t][i] * w.task[t];
        }
        G.fill(0);
        backward(plan, topo, P, train, G, { only: -1 });
        dropUntrained(G);
      }
      if (keepEpochLoss) for (let t = 0; t < T; t++) epochLoss[t] += losses[t];
      optStep++;
      if (optKind === 'adam') adamStep(P, G, m1, m2, optStep, lr);
      else momentumStep(P, G, m1, lr, mu);
    },
    lossesAfter(step) {
      // The probe's batch is still in the input activations and yBatch; forward again at the updated parameters.
      forward(plan, P, train, true, step);
      for (let t = 0; t < T; t++) after[t] = taskLoss(tasks[t], headOut(plan, train, t), yBatch[t], batch, dzAfter[t], 1 / batch);
      return after;
    },
    release() {},
    takeEpochLosses() {
      const sums = [...epochLoss];
      epochLoss.fill(0);
      return sums;
    },
  };
}
